// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QList>
#include <QString>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
QT_END_NAMESPACE

namespace EcoAtlas {

/// The date axis of the timeline charts. Qt's QDateTimeAxis labels its msecs-since-epoch values
/// in local time (a UTC midnight shows as the previous evening west of Greenwich), so the charts
/// instead put days since 1970-01-01 (TimelineAggregation::epochDay) on a value axis and label
/// it with calendar dates computed from QDate: no time zone anywhere, any year 1–9999.
namespace TimeAxis {

/// A labelled position: the first day of a month, quarter, year, decade …
struct Tick
{
    double x = 0;  ///< days since 1970-01-01 (the start of that day)
    QDate date;    ///< the calendar day of the tick
    QString label; ///< "2023" on a year's first day, else "Apr 2023"
};

/// Ticks on the first days of calendar units in [first, last + 1 day], the finest of month,
/// quarter, half year, 1/2/5/10/20/50/100/… years that gives at most `maxLabels` of them.
/// Labels are unique (QCategoryAxis requires it).
QList<Tick> ticks(QDate first, QDate last, int maxLabels);

/// Sets up `axis` (x = days since 1970-01-01) to show [first, last + 1 day) with ticks() as
/// labels on their values and grid lines there, widened by `padding` (a fraction of the span)
/// on both sides so that marks at the ends are not cut.
void configure(QCategoryAxis *axis, QDate first, QDate last, int maxLabels, double padding = 0);

} // namespace TimeAxis
} // namespace EcoAtlas
