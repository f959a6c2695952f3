// SPDX-License-Identifier: MIT
#include "PeriodGrid.h"

#include <cmath>

namespace EcoAtlas {

namespace {

const char *const kMonths[] = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

QDate nextStart(QDate start, Granularity g)
{
    switch (g) {
    case Granularity::Quarter:
        return start.addMonths(3);
    case Granularity::Year:
        return start.addYears(1);
    case Granularity::Auto:
    case Granularity::Month:
        break;
    }
    return start.addMonths(1);
}

} // namespace

PeriodGrid::PeriodGrid(QDate from, QDate to, Granularity granularity)
    : m_granularity(granularity == Granularity::Auto ? Granularity::Month : granularity)
{
    if (!from.isValid() || !to.isValid() || from > to)
        return;
    for (QDate start = periodStart(from, m_granularity); start.isValid() && start <= to;) {
        const QDate next = nextStart(start, m_granularity);
        // QDate ends at year 9999 in practice for the data; an invalid next ends the grid.
        const QDate last = next.isValid() ? next.addDays(-1) : QDate(start.year(), 12, 31);
        m_periods.append({start, last, periodLabel(start, m_granularity)});
        start = next;
    }
}

QDate PeriodGrid::first() const
{
    return m_periods.isEmpty() ? QDate() : m_periods.constFirst().first;
}

QDate PeriodGrid::last() const
{
    return m_periods.isEmpty() ? QDate() : m_periods.constLast().last;
}

int PeriodGrid::indexOf(QDate date) const
{
    if (!date.isValid() || m_periods.isEmpty() || date < first() || date > last())
        return -1;
    // Periods are contiguous and ordered: binary search on the first day.
    int lo = 0;
    int hi = size() - 1;
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        if (m_periods[mid].first <= date)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

bool PeriodGrid::fitsOnePeriod(const FuzzyDate &date) const
{
    return date.isValid()
           && periodStart(date.earliest(), m_granularity)
                      == periodStart(date.latest(), m_granularity);
}

double PeriodGrid::position(QDate date) const
{
    if (m_periods.isEmpty() || !date.isValid())
        return 0;
    const int i = indexOf(date);
    if (i >= 0) {
        const Period &p = m_periods[i];
        const double days = double(p.first.daysTo(p.last) + 1);
        return i - 0.5 + (double(p.first.daysTo(date)) + 0.5) / days;
    }
    // Outside: extrapolate with the length of the nearest period.
    if (date < first()) {
        const Period &p = m_periods.constFirst();
        return -0.5 - double(date.daysTo(p.first)) / double(p.first.daysTo(p.last) + 1);
    }
    const Period &p = m_periods.constLast();
    return size() - 0.5 + double(p.last.daysTo(date)) / double(p.first.daysTo(p.last) + 1);
}

QDate PeriodGrid::dateAt(double x) const
{
    if (m_periods.isEmpty())
        return {};
    const int i = std::clamp(int(std::floor(x + 0.5)), 0, size() - 1);
    const Period &p = m_periods[i];
    const qint64 days = p.first.daysTo(p.last) + 1;
    const double frac = std::clamp(x - (i - 0.5), 0.0, 1.0);
    return p.first.addDays(std::min<qint64>(days - 1, qint64(std::floor(frac * double(days)))));
}

QDate PeriodGrid::periodStart(QDate date, Granularity g)
{
    if (!date.isValid())
        return {};
    switch (g) {
    case Granularity::Quarter:
        return QDate(date.year(), ((date.month() - 1) / 3) * 3 + 1, 1);
    case Granularity::Year:
        return QDate(date.year(), 1, 1);
    case Granularity::Auto:
    case Granularity::Month:
        break;
    }
    return QDate(date.year(), date.month(), 1);
}

QString PeriodGrid::periodLabel(QDate start, Granularity g)
{
    switch (g) {
    case Granularity::Quarter:
        return QStringLiteral("Q%1 %2").arg((start.month() - 1) / 3 + 1).arg(start.year());
    case Granularity::Year:
        return QString::number(start.year());
    case Granularity::Auto:
    case Granularity::Month:
        break;
    }
    return QStringLiteral("%1 %2").arg(QLatin1String(kMonths[start.month() - 1])).arg(start.year());
}

} // namespace EcoAtlas
