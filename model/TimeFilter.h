// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"

#include <QDate>

namespace EcoAtlas {

/// Decides which ties belong to the landscape "as of" a calendar date.
///
/// A tie counts from the first day its start date could be (FuzzyDate::earliest: a tie that
/// began "late October 2023" counts from 21 October) until the last day its end date could be.
/// Ties without a known start stay visible and are reported as Undated, so a view can say so.
namespace TimeFilter {

enum class State {
    Active,  ///< began on or before the date and had not ended
    NotYet,  ///< begins after the date
    Ended,   ///< ended before the date
    Undated, ///< start unknown: shown, marked "date unknown"
};

/// State of `tie` on `asOf`. An invalid `asOf` means "no date filter": Active or Undated.
State tieState(const Tie &tie, QDate asOf);

/// True when the tie is shown as of `asOf` (Active or Undated).
inline bool isVisible(const Tie &tie, QDate asOf)
{
    const State s = tieState(tie, asOf);
    return s == State::Active || s == State::Undated;
}

/// Range mode: true when the tie's start is known and its first possible day lies between
/// `from` and `to` (inclusive) — "ties that started between A and B", as the timelines count.
bool startedWithin(const Tie &tie, QDate from, QDate to);

} // namespace TimeFilter
} // namespace EcoAtlas
