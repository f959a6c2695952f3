// SPDX-License-Identifier: MIT
#include "TimeAxis.h"

#include "PeriodGrid.h"
#include "TimelineAggregation.h"

#include <QCategoryAxis>

namespace EcoAtlas::TimeAxis {

QList<Tick> ticks(QDate first, QDate last, int maxLabels)
{
    QList<Tick> out;
    if (!first.isValid() || !last.isValid() || first > last)
        return out;
    maxLabels = std::max(2, maxLabels);
    // Steps in months: month, quarter, half year, then years 1, 2, 5, 10, 20, 50, …
    QList<int> steps{1, 3, 6};
    for (int years = 1; years <= 10000; years *= 10)
        steps << 12 * years << 24 * years << 60 * years;
    const QDate end = last.addDays(1);
    for (int step : steps) {
        // First month boundary on or after `first` that is a multiple of the step (counted
        // from January of year 0 so that decades start on …0).
        const int firstIndex = first.year() * 12 + (first.month() - 1) + (first.day() > 1 ? 1 : 0);
        int index = ((firstIndex + step - 1) / step) * step;
        QList<Tick> candidate;
        for (;; index += step) {
            const QDate d(index / 12, index % 12 + 1, 1);
            if (!d.isValid() || d > end || candidate.size() > maxLabels)
                break;
            const QString label = d.month() == 1 ? QString::number(d.year())
                                                 : PeriodGrid::periodLabel(d, Granularity::Month);
            candidate.append({double(TimelineAggregation::epochDay(d)), d, label});
        }
        if (candidate.size() <= maxLabels)
            return candidate;
    }
    return out;
}

void configure(QCategoryAxis *axis, QDate first, QDate last, int maxLabels, double padding)
{
    const double pad = padding * double(first.daysTo(last) + 1);
    const double lo = double(TimelineAggregation::epochDay(first)) - pad;
    const double hi = double(TimelineAggregation::epochDay(last) + 1) + pad;
    for (const QString &label : axis->categoriesLabels())
        axis->remove(label);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(lo, hi);
    // A category needs a start below its end: start just before the first tick.
    axis->setStartValue(lo - 1e-3);
    for (const Tick &t : ticks(first, last, maxLabels))
        axis->append(t.label, t.x);
}

} // namespace EcoAtlas::TimeAxis
