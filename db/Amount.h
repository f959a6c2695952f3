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

    /// Parses an amount as typed by a journalist, e.g. "up to $4 billion", "over 2.5 billion
    /// yuan", "¥25亿", "USD 300m", "€1.2bn", "about 100,000", "~100k", "over 70%" or
    /// "undisclosed". The value is in whole units (scale words and suffixes k/m/bn/tn, 千/万/亿
    /// are applied: "4 billion" → 4e9, "25亿" → 2.5e9); the currency is an ISO 4217 code taken
    /// from a symbol, code or word ("$" → USD, "¥"/"元"/"yuan"/"RMB" → CNY, "HK$" → HKD; "¥" is
    /// read as CNY, write "JP¥" or "JPY" for yen) and stays empty when none is given. English and
    /// Chinese qualifiers (about/约, over/超过, up to/最多, at least/至少, …) set the qualifier;
    /// without one it is Exact. Empty text and "undisclosed" give an Undisclosed amount without
    /// value. `money` is false for counts and percentages ("%" is allowed then and dropped: the
    /// caller shows the unit). Returns nullopt and sets `*error` (if given) to a one-line message,
    /// leaving it untouched on success, for: unknown words (named), an ambiguous comma ("1,23"),
    /// more than one number, qualifier or currency, misplaced words, a currency when !money ("a
    /// count has no currency"), a percentage when `money`. Nothing is guessed or silently dropped.
    static std::optional<Amount> parse(const QString &text, bool money, QString *error = nullptr);
    /// Text that parse() reads back to this amount (same value, currency and qualifier), e.g.
    /// "up to 4 billion USD", "about 100,000", "undisclosed". Values are written exactly (no
    /// rounding); negative values are not readable by parse().
    QString toInputString() const;
};

} // namespace EcoAtlas
