// SPDX-License-Identifier: MIT
#include "TieComparison.h"

#include "NetworkGraph.h"
#include "TimeFilter.h"
#include "TimelineAggregation.h"

#include <QSet>

namespace EcoAtlas::TieComparison {

namespace {

/// Calls `f` for every tie of the landscape (or only those in `ids`), in landscape order.
template<typename F>
void forTies(const Landscape &landscape, const QList<RowId> *ids, F f)
{
    const QSet<RowId> only = ids ? QSet<RowId>(ids->begin(), ids->end()) : QSet<RowId>();
    for (const Tie &t : landscape.ties)
        if (!ids || only.contains(t.id))
            f(t);
}

bool inHalfOpen(QDate d, QDate a, QDate b)
{
    return d.isValid() && d > a && d <= b;
}

} // namespace

bool isPresent(const Landscape &landscape, const Tie &tie, QDate date, ViewState::TimeBasis basis)
{
    if (basis == ViewState::TimeBasis::Began)
        return TimeFilter::isVisible(tie, date);
    Tie known = tie;
    known.start = TieFilterModel::publicationDate(landscape, tie);
    return TimeFilter::isVisible(known, date);
}

Changes compare(const Landscape &landscape,
                QDate a,
                QDate b,
                ViewState::TimeBasis basis,
                const QList<RowId> *tieIds)
{
    Changes out;
    if (!a.isValid() || !b.isValid())
        return out;
    const QDate lo = std::min(a, b);
    const QDate hi = std::max(a, b);
    forTies(landscape, tieIds, [&](const Tie &t) {
        const bool atA = isPresent(landscape, t, a, basis);
        const bool atB = isPresent(landscape, t, b, basis);
        if (!atA && atB) {
            out.added.append(t.id);
        } else if (atA && !atB) {
            out.removed.append(t.id);
        } else if (atA && atB) {
            const bool changed = t.statusDate.isValid()
                                 && inHalfOpen(t.statusDate.earliest(), lo, hi);
            if (changed)
                out.changed.append(t.id);
        }
    });
    return out;
}

QList<RowId> startedBetween(const Landscape &landscape,
                            QDate a,
                            QDate b,
                            ViewState::TimeBasis basis,
                            const QList<RowId> *tieIds)
{
    QList<RowId> out;
    if (!a.isValid() || !b.isValid())
        return out;
    forTies(landscape, tieIds, [&](const Tie &t) {
        const FuzzyDate d = TimelineAggregation::tieDate(landscape, t, basis);
        if (d.isValid() && d.earliest() >= std::min(a, b) && d.earliest() <= std::max(a, b))
            out.append(t.id);
    });
    return out;
}

} // namespace EcoAtlas::TieComparison
