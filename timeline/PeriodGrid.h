// SPDX-License-Identifier: MIT
#pragma once

#include "FuzzyDate.h"
#include "TimelineOptions.h"

#include <QDate>
#include <QList>
#include <QString>

namespace EcoAtlas {

/// One bar slot of a period chart: the calendar days [first, last] and a label.
struct Period
{
    QDate first;   ///< first day of the period
    QDate last;    ///< last day of the period (inclusive)
    QString label; ///< "Sep 2023", "Q4 2023", "2023"
};

/// The consecutive months, quarters or years covering a date range: the categories of the
/// investment and chip-order charts. Works for any year 1–9999 (pure calendar arithmetic, no
/// time zone). Bars are centred on whole category positions (period i spans i−0.5 … i+0.5),
/// which is how QBarCategoryAxis places them.
class PeriodGrid
{
public:
    PeriodGrid() = default;
    /// The periods of `granularity` (not Auto) from the one holding `from` to the one holding
    /// `to`. Empty when either date is invalid or `from` > `to`.
    PeriodGrid(QDate from, QDate to, Granularity granularity);

    /// The periods, in calendar order.
    const QList<Period> &periods() const { return m_periods; }
    /// Number of periods.
    int size() const { return int(m_periods.size()); }
    /// True without periods (invalid or reversed range).
    bool isEmpty() const { return m_periods.isEmpty(); }
    /// Month, Quarter or Year (never Auto).
    Granularity granularity() const { return m_granularity; }
    /// First day of the first period and last day of the last; invalid when empty.
    QDate first() const;
    QDate last() const;

    /// Index of the period holding `date`, or -1 when it lies outside the grid.
    int indexOf(QDate date) const;
    /// True when the whole span of `date` (earliest … latest) lies inside one period.
    bool fitsOnePeriod(const FuzzyDate &date) const;
    /// Category-axis position of the middle of day `date`: period i covers i−0.5 … i+0.5, days
    /// spread evenly. Dates before the grid give < −0.5, after it > size()−0.5.
    double position(QDate date) const;
    /// The day at category-axis position `x` (inverse of position(), clamped to the grid).
    QDate dateAt(double x) const;

    /// The first day of the period of `granularity` holding `date`.
    static QDate periodStart(QDate date, Granularity granularity);
    /// The label of the period of `granularity` starting on `start`.
    static QString periodLabel(QDate start, Granularity granularity);

private:
    QList<Period> m_periods;
    Granularity m_granularity = Granularity::Month;
};

} // namespace EcoAtlas
