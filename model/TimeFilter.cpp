// SPDX-License-Identifier: MIT
#include "TimeFilter.h"

namespace EcoAtlas::TimeFilter {

State tieState(const Tie &tie, QDate asOf)
{
    if (!tie.start.isValid())
        return State::Undated;
    if (!asOf.isValid())
        return State::Active;
    if (tie.start.earliest() > asOf)
        return State::NotYet;
    if (tie.end.isValid() && tie.end.latest() < asOf)
        return State::Ended;
    return State::Active;
}

bool startedWithin(const Tie &tie, QDate from, QDate to)
{
    if (!tie.start.isValid() || !from.isValid() || !to.isValid())
        return false;
    const QDate first = tie.start.earliest();
    return first >= from && first <= to;
}

} // namespace EcoAtlas::TimeFilter
