// SPDX-License-Identifier: MIT
#include "CurrencyRates.h"

#include <QHash>

namespace EcoAtlas::CurrencyRates {

namespace {
/// Units of each currency per US dollar.
const QHash<QString, double> &perUsd()
{
    static const QHash<QString, double> rates{{QStringLiteral("USD"), 1.0},
                                              {QStringLiteral("CNY"), 7.08}};
    return rates;
}
} // namespace

std::optional<double> convert(double value, const QString &from, const QString &to)
{
    const auto f = perUsd().constFind(from);
    const auto t = perUsd().constFind(to);
    if (f == perUsd().constEnd() || t == perUsd().constEnd())
        return std::nullopt;
    return value / *f * *t;
}

QStringList currencies()
{
    return {QStringLiteral("USD"), QStringLiteral("CNY")};
}

QString description()
{
    return QStringLiteral("Rates: 1 USD = 7.08 CNY (approx. 2023 average; for display only)");
}

} // namespace EcoAtlas::CurrencyRates
