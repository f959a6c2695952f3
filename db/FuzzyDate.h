// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QString>

namespace EcoAtlas {

/// A calendar date that keeps its precision, as journalists report dates: "28 September 2023"
/// (day), "late October 2023" (part of a month), "August 2023" (month), "Q4 2023" (quarter) or
/// "2023" (year). Dates have no time zone. Years 1–9999 are accepted, so dates before 1970 and
/// after 2038 work. The text form is documented in docs/landscape-json.md ("Fuzzy dates").
class FuzzyDate
{
public:
    /// How precisely a date is known. The order runs from finest to coarsest.
    enum class Precision { Day, EarlyMonth, MidMonth, LateMonth, Month, Quarter, Year };

    /// An unknown date (isValid() is false).
    FuzzyDate() = default;
    /// A date of the given precision whose span starts on or contains `anchor`; the anchor is
    /// normalised to the first day of the span (e.g. Month → day 1, Quarter → first month).
    FuzzyDate(QDate anchor, Precision precision);

    /// Parses the text forms `YYYY-MM-DD`, `YYYY-MM-early|mid|late`, `YYYY-MM`, `YYYY-Qn`,
    /// `YYYY`. Returns an invalid FuzzyDate and sets `*error` (if given) to a one-line message
    /// for anything else, including impossible dates such as 2023-02-30. An empty string gives
    /// an invalid date without error.
    static FuzzyDate fromString(const QString &text, QString *error = nullptr);
    /// Parses dates as journalists write them: the forms of fromString() plus "28 September
    /// 2023", "28 Sep 2023", "September 28, 2023", "late/mid/early October 2023" (also "Oct",
    /// "mid-Oct"), "October 2023", "Oct 2023", "Q4 2023", "2023 Q4", "2023/10/28", "2023.10.28",
    /// "2023/10", "2023年10月28日", "2023年10月", "2023年10月上旬|中旬|下旬", "2023年第四季度",
    /// "2023年Q4", "2023年". Month names are English, any case. Day-first or month-first numeric
    /// dates ("10/11/2023") are refused as ambiguous. Returns an invalid FuzzyDate and sets
    /// `*error` (if given) to a one-line message with example forms for anything else, and for
    /// impossible dates; `*error` is left untouched on success. An empty string gives an invalid
    /// date without error.
    static FuzzyDate parseLoose(const QString &text, QString *error = nullptr);

    bool isValid() const { return m_anchor.isValid(); }
    Precision precision() const { return m_precision; }
    /// First day of the span the date covers (e.g. 2023-10-21 for "late October 2023").
    QDate earliest() const;
    /// Last day of the span the date covers (e.g. 2023-10-31 for "late October 2023").
    QDate latest() const;
    /// The text form, e.g. "2023-10-late"; empty when invalid.
    QString toString() const;
    /// Human-readable English form, e.g. "late Oct 2023", "Q4 2023", "28 Sep 2023".
    QString toDisplayString() const;
    /// The days the date covers in English, with an en dash: "28 Sep 2023" (day),
    /// "21–31 Oct 2023" (late October), "1–31 Aug 2023" (month), "1 Oct – 31 Dec 2023" (Q4),
    /// "1 Jan – 31 Dec 2023" (year); empty when invalid.
    QString spanText() const;

    /// The stable name of a precision as used in JSON: day, early_month, mid_month, late_month,
    /// month, quarter, year.
    static QString precisionName(Precision precision);

    /// Orders by earliest day, then by precision (finer first). Invalid dates sort first.
    friend bool operator<(const FuzzyDate &a, const FuzzyDate &b);
    friend bool operator==(const FuzzyDate &a, const FuzzyDate &b)
    {
        return a.m_anchor == b.m_anchor && (!a.isValid() || a.m_precision == b.m_precision);
    }

private:
    QDate m_anchor;
    Precision m_precision = Precision::Day;
};

} // namespace EcoAtlas
