// SPDX-License-Identifier: MIT
#include "Amount.h"

#include <QLocale>

#include <cmath>

namespace EcoAtlas {

QString Amount::qualifierName(Qualifier q)
{
    return qualifierNames().at(static_cast<int>(q));
}

std::optional<Amount::Qualifier> Amount::qualifierFromName(const QString &name)
{
    const int i = qualifierNames().indexOf(name);
    if (i < 0)
        return std::nullopt;
    return static_cast<Qualifier>(i);
}

QStringList Amount::qualifierNames()
{
    static const QStringList names{QStringLiteral("exact"),
                                   QStringLiteral("about"),
                                   QStringLiteral("up_to"),
                                   QStringLiteral("over"),
                                   QStringLiteral("at_least"),
                                   QStringLiteral("undisclosed")};
    return names;
}

QString Amount::formatNumber(double value)
{
    const QLocale c(QLocale::English);
    const double a = std::fabs(value);
    auto scaled = [&](double div, const char *word) {
        return QStringLiteral("%1 %2").arg(c.toString(value / div, 'g', 6), QLatin1String(word));
    };
    if (a >= 1e12)
        return scaled(1e12, "trillion");
    if (a >= 1e9)
        return scaled(1e9, "billion");
    if (a >= 1e6)
        return scaled(1e6, "million");
    if (value == std::floor(value))
        return c.toString(static_cast<qlonglong>(value));
    return c.toString(value, 'g', 6);
}

QString Amount::toDisplayString(const QString &unit) const
{
    if (!value)
        return QStringLiteral("undisclosed");
    QString text = formatNumber(*value);
    if (!currency.isEmpty())
        text += QLatin1Char(' ') + currency;
    else if (unit == QLatin1String("percent"))
        text += QLatin1Char('%');
    else if (!unit.isEmpty())
        text += QLatin1Char(' ') + unit;
    switch (qualifier) {
    case Qualifier::About:
        return QStringLiteral("about ") + text;
    case Qualifier::UpTo:
        return QStringLiteral("up to ") + text;
    case Qualifier::Over:
        return QStringLiteral("over ") + text;
    case Qualifier::AtLeast:
        return QStringLiteral("at least ") + text;
    case Qualifier::Exact:
    case Qualifier::Undisclosed:
        break;
    }
    return text;
}

} // namespace EcoAtlas
