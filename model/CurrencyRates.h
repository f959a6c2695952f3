// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace EcoAtlas {

/// Conversion of amounts between currencies, for display only (stored amounts always keep the
/// currency they were reported in). The rates are fixed approximations of 2023 annual averages,
/// shown wherever converted amounts are: 1 USD = 7.08 CNY (rounded 2023 average of the USD/CNY
/// central parity). Unknown currencies do not convert.
namespace CurrencyRates {

/// `value` in `from` expressed in `to`, or nullopt when either currency has no rate.
std::optional<double> convert(double value, const QString &from, const QString &to);
/// Currencies with a rate: "USD", "CNY".
QStringList currencies();
/// One line stating the rates, e.g. "Rates: 1 USD = 7.08 CNY (approx. 2023 average)".
QString description();

} // namespace CurrencyRates
} // namespace EcoAtlas
