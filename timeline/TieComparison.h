// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"
#include "ViewState.h"

#include <QDate>
#include <QList>

namespace EcoAtlas {

/// Compares the landscape at two dates, for the timelines' compare and range modes and for the
/// network and sphere views (which can mark the returned tie ids). Uses the same rule as the
/// time cursor (TimeFilter, TieFilterModel): under TimeBasis::Began a tie is present from the
/// first day of Tie::start's span until the last day of Tie::end's span, and ties with an
/// unknown start are always present; under TimeBasis::Published a tie is present from the first
/// day of its earliest source's date (ties without a dated source are always present).
/// Dates are calendar dates; any years 1–9999.
namespace TieComparison {

/// True when `tie` is present on `date` under `basis` (an invalid date: always present).
bool isPresent(const Landscape &landscape, const Tie &tie, QDate date, ViewState::TimeBasis basis);

/// Ties that differ between date A and date B.
struct Changes
{
    QList<RowId> added;   ///< present on B, not on A (began after A, up to B)
    QList<RowId> removed; ///< present on A, not on B (ended after A, before B)
    /// Present on both, with a new chip-order status reported after A, up to B (the first day
    /// of Tie::statusDate's span); the data model dates no other change of a tie.
    QList<RowId> changed;

    /// True when nothing differs.
    bool isEmpty() const { return added.isEmpty() && removed.isEmpty() && changed.isEmpty(); }
};

/// What changed from `a` to `b` (normally a ≤ b; with a > b "added" and "removed" swap
/// meaning naturally). `tieIds` limits the ties looked at (nullptr: all). Ids in landscape
/// order. Both dates must be valid; otherwise the result is empty.
Changes compare(const Landscape &landscape,
                QDate a,
                QDate b,
                ViewState::TimeBasis basis,
                const QList<RowId> *tieIds = nullptr);

/// Ties that started between `a` and `b` inclusive (the first day of their date's span lies in
/// [a, b]) on `basis`: what the Range mode shows. Ties without a date are not included.
QList<RowId> startedBetween(const Landscape &landscape,
                            QDate a,
                            QDate b,
                            ViewState::TimeBasis basis,
                            const QList<RowId> *tieIds = nullptr);

} // namespace TieComparison
} // namespace EcoAtlas
