// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace EcoAtlas {

/// A reported quantity as journalists find it: often bounded ("up to $4 billion",
/// "over 2.5 billion yuan"), approximate ("about 100,000 GPUs") or undisclosed.
/// `value` is in whole currency units (USD, not cents) for money, or a plain count;
/// `currency` is an ISO 4217 code for money and empty for counts and other units.
struct Amount
{
    /// How the reported value bounds the true one. Stable names (JSON, database):
    /// exact, about, up_to, over, at_least, undisclosed.
    enum class Qualifier { Exact, About, UpTo, Over, AtLeast, Undisclosed };

    std::optional<double> value; ///< nullopt when undisclosed
    QString currency;            ///< "USD", "CNY", … or empty
    Qualifier qualifier = Qualifier::Undisclosed;

    /// True when nothing at all was recorded (no value, no currency, default qualifier).
    bool isNull() const { return !value && currency.isEmpty(); }
    /// English text for display, e.g. "up to 4 billion USD", "over 2.5 billion CNY",
    /// "about 100,000", "undisclosed". `unit` is appended to counts when given ("percent" as
    /// "%": "over 70%").
    QString toDisplayString(const QString &unit = {}) const;

    /// Stable name of a qualifier (see Qualifier).
    static QString qualifierName(Qualifier q);
    /// Parses a stable qualifier name; returns nullopt for an unknown name.
    static std::optional<Qualifier> qualifierFromName(const QString &name);
    /// All stable qualifier names, in enum order.
    static QStringList qualifierNames();
    /// Formats a number with a scale word: 4e9 → "4 billion", 2.5e9 → "2.5 billion",
    /// 300e6 → "300 million", 17000 → "17,000".
    static QString formatNumber(double value);
};

} // namespace EcoAtlas
