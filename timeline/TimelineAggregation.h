// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"
#include "PeriodGrid.h"
#include "TimelineOptions.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

class QAbstractItemModel;

namespace EcoAtlas {

/// What the timeline charts show, computed without any view: pure functions of a landscape, the
/// ties (and figures) to use, and the options. The Qt models in TimelineModels.h call them with
/// the ids of the rows of the shared table models, so a filter applied to those applies here.
///
/// Dates are calendar dates (FuzzyDate / QDate): no time zone, years 1–9999. Money is in whole
/// units of `TimelineOptions::currency` (USD or CNY, converted with CurrencyRates), chips in
/// units. All text is plain (never markup); views escape it where they render rich text.
namespace TimelineAggregation {

/// Days since 1970-01-01 (negative before): the x unit of the date axes. Exact for 1–9999.
qint64 epochDay(QDate date);
/// The date `days` after 1970-01-01.
QDate dateOfEpochDay(qint64 days);

/// The date that places `tie` in time: Tie::start for TimeBasis::Began, the date of its earliest
/// source (TieFilterModel::publicationDate) for TimeBasis::Published. Invalid when unknown.
FuzzyDate tieDate(const Landscape &landscape, const Tie &tie, ViewState::TimeBasis basis);
/// Figures likewise: Figure::asOf (Began) or its earliest source's date (Published).
FuzzyDate figureDate(const Landscape &landscape, const Figure &figure, ViewState::TimeBasis basis);

/// First and last day of every dated fact in the landscape: tie starts and ends, chip
/// deliveries and status dates, figure dates, source dates. {invalid, invalid} when none.
std::pair<QDate, QDate> dataSpan(const Landscape &landscape);
/// The time axis of the charts: `options.from`/`to` where set, else dataSpan() (the current
/// year when the landscape has no dates at all).
std::pair<QDate, QDate> resolveRange(const Landscape &landscape, const TimelineOptions &options);

/// The RowIds (ModelRole::Id) of the rows of a landscape table model or a proxy of one, in row
/// order: which ties or figures the charts use.
QList<RowId> idsOf(const QAbstractItemModel &model);

/// How a reported amount bounds the true one, as the charts draw it.
enum class Bound {
    Point,      ///< exact or about: solid
    LowerBound, ///< over / at least: the true amount may be more
    UpperBound, ///< up to: the true amount may be less
};
/// The Bound a qualifier gives (undisclosed: Point; it is never drawn as a bar).
Bound boundOf(Amount::Qualifier qualifier);
/// "", "over", "up to"; with `qualifier` About: "about".
QString boundWord(Amount::Qualifier qualifier);

/// One stack of a period chart: an organization (investments) or a group of chip orders of one
/// status (one deal, or orders of one supplier outside deals), split by Bound.
struct StackColumn
{
    QString key;                ///< stable: "o5/up_to", "d2/at_risk", "s26/ordered"
    QString label;              ///< legend text, e.g. "Amazon 亚马逊 — up to (upper bound)"
    QString group;              ///< the stack without the bound, e.g. "Amazon 亚马逊"
    Bound bound = Bound::Point; ///< how the amounts of this column bound the truth
    QString status;             ///< chip orders: ordered, delivered, at_risk, cancelled or mixed
    int colorIndex = 0;         ///< investments: index of the group; chips: index within its status
    RowId organizationId = 0;   ///< investments: the investor or investee
};

/// What one cell of a period chart is made of: one tie, or one deal (several ties).
struct Contribution
{
    int row = 0;      ///< period index
    int column = 0;   ///< StackColumn index
    double value = 0; ///< whole currency units (or chips)
    Amount::Qualifier qualifier = Amount::Qualifier::Exact;
    QString text; ///< e.g. "Amazon → Anthropic: up to 4 billion USD (28 Sep 2023)"
    QList<RowId> tieIds;
};

/// A dated item whose amount is undisclosed: drawn as a marker, never as a zero bar.
struct UndisclosedMarker
{
    int row = 0;         ///< period index
    FuzzyDate date;      ///< the date that placed it
    QString text;        ///< e.g. "Tencent → Zhipu AI: amount undisclosed (2023)"
    QList<RowId> tieIds; ///< the tie, or the ties of a deal
};

/// The data of the investment and chip-order charts: one row per period, one column per stack.
struct StackedSeries
{
    PeriodGrid grid;             ///< the rows: one period each
    QList<StackColumn> columns;  ///< the stacks, bottom first
    QList<QList<double>> values; ///< [row][column], whole currency units or chips; 0 = none
    QList<Contribution> contributions;
    QList<UndisclosedMarker> undisclosed;
    /// Items not drawn, one plain line each: unknown date, outside the range, no exchange rate.
    QStringList offAxis;
    /// Caveats, one plain line each: dates coarser than a period, deals shared by buyers.
    QStringList notes;
    QString unit; ///< "USD", "CNY" or "chips"

    /// Index of the column with StackColumn::key `key`, or -1.
    int columnOf(const QString &key) const;
    /// Value of the cell of column `key` in `row` (0 when the column does not exist).
    double value(int row, const QString &key) const;
    /// Sum of a row over all columns.
    double rowTotal(int row) const;
    /// Sum over all rows and columns (e.g. total disclosed investment in range).
    double total() const;
    /// The contributions of one cell, one line each.
    QStringList cellTexts(int row, int column) const;
};

/// Investments per period (Granularity; Auto resolved into `grid`), stacked by investor or
/// investee, in `options.currency`. A tie is placed by tieDate(options.basis), in the period
/// holding the first day of its date's span ("late Oct 2023" → October; "2023" → the first
/// period of 2023, with a note when that is coarser than one period). Bounds keep their own
/// columns ("up to" never adds into an exact amount). Undisclosed amounts become markers.
StackedSeries investments(const Landscape &landscape,
                          const QList<RowId> &tieIds,
                          const TimelineOptions &options);

/// Chip orders per period of scheduled delivery (Tie::delivery), value in `options.currency`
/// or units (`options.chipMeasure`), stacked by status. Ties that belong to a Deal count the
/// deal's amount once (per-buyer amounts are undisclosed); the column names the buyers that
/// share it. Ties outside deals count their own amount, grouped by supplier and status.
StackedSeries chipOrders(const Landscape &landscape,
                         const QList<RowId> &tieIds,
                         const TimelineOptions &options);

/// Clients per vendor over time, from hosting ties (vendor → client).
struct ClientSeries
{
    struct Vendor
    {
        RowId id = 0; ///< the vendor organization
        QString name; ///< in the chosen label language
    };
    /// A date from which the counts hold, one count per vendor (index as `vendors`).
    struct Step
    {
        QDate date;        ///< the first day these counts hold
        QList<int> counts; ///< clients per vendor, as `vendors`
    };
    /// The days one hosting tie counts: from `first` to `last` inclusive (invalid: open).
    struct Interval
    {
        RowId vendor = 0;             ///< the vendor (Tie::fromId)
        RowId tieId = 0;              ///< the hosting tie
        QDate first;                  ///< first day counted
        QDate last;                   ///< last day counted
        bool fromPublication = false; ///< counted from its publication date
    };
    QList<Vendor> vendors;
    QList<Interval> intervals;
    QDate from; ///< first day of the axis
    QDate to;   ///< last day of the axis
    /// steps[0] is `from` (counts on that day); then one step per day on which a count changes,
    /// in date order, up to `to`.
    QList<Step> steps;
    int countedFromStart = 0;       ///< ties counted from when they began
    int countedFromPublication = 0; ///< ties counted from their earliest source's date
    QStringList uncounted;          ///< ties with no usable date, one plain line each
    QString basisNote;              ///< one plain sentence saying what the counts are based on

    /// Index of vendor `id` in `vendors`, or -1.
    int vendorIndex(RowId id) const;
    /// Clients of `vendor` on `date` (a tie counts from the first day of its date's span until
    /// the last day of its end's span, as TimeFilter does). 0 for an unknown vendor.
    int countAt(RowId vendor, QDate date) const;
};

/// Counts the clients of every vendor with at least one hosting tie among `tieIds`. Basis
/// Began: a tie counts from Tie::start; a tie whose start is unknown counts from its publication
/// date (its earliest source's date) and the note says how many. Basis Published: every tie
/// counts from its publication date. Ends (Tie::end) remove a client after their last day.
ClientSeries clientCounts(const Landscape &landscape,
                          const QList<RowId> &tieIds,
                          const TimelineOptions &options);

/// One mark of the events chart: a tie (in the lanes of both its organizations) or a figure or
/// claim (in its subject's lane), at its date — a span covering the date's uncertainty.
struct TimelineEvent
{
    RowId organizationId = 0; ///< the lane's organization
    int lane = 0;             ///< index of the lane (EventLanes::organizations)
    int subLane = 0;          ///< row within the lane, so overlapping marks do not hide each other
    int subLanes = 1;         ///< rows the lane has
    QString kind;             ///< hosting, investment, chip_order, partnership, or figure
    EvidenceGrade grade = EvidenceGrade::Reported; ///< reported, claimed or inferred
    RowId tieId = 0;                               ///< the tie, or 0 for a figure
    RowId figureId = 0;                            ///< the figure, or 0 for a tie
    FuzzyDate date;                                ///< earliest()…latest() is the span drawn
    QString summary; ///< one line, e.g. "invests in Anthropic: up to 4 billion USD — 28 Sep 2023"
    QString detail;  ///< the description or statement
    QString sources; ///< "Sources: Zhidongxi (智东西), …" (plain)
    QString change;  ///< Compare mode: "added", "removed", "changed" or empty

    /// Vertical position in row units, growing downwards: the middle of its sub-lane
    /// (EventLanes::laneTops[lane] + subLane + 0.5).
    double y = 0.5;
    /// The whole tooltip: organization, kind, date with precision, summary, detail, sources.
    QString toolTip(const Landscape &landscape, const FigureOptions &labels) const;
};

/// The events chart's data: lanes (organizations with at least one event in range, ordered by
/// their first event, then name) and their events.
struct EventLanes
{
    QList<RowId> organizations;
    QStringList names; ///< lane labels in the chosen language(s)
    /// Top of each lane in row units; a lane is as many rows tall as it has sub-lanes, and
    /// lanes are stacked without gaps from 0 to `rows`.
    QList<double> laneTops;
    double rows = 0; ///< total height of the lanes in rows
    QList<TimelineEvent> events;
    QDate from;             ///< first day of the axis
    QDate to;               ///< last day of the axis
    int undatedTies = 0;    ///< ties left out: no date on the basis
    int undatedFigures = 0; ///< figures left out: no date
    int outsideRange = 0;   ///< events left out: before `from`, after `to`, or (Range mode) not
                            ///< started between the two dates
};

/// Every dated tie and figure whose span meets [from, to] (Range mode: whose first day lies
/// between date A and date B). Compare mode marks the ties TieComparison::compare() reports.
EventLanes events(const Landscape &landscape,
                  const QList<RowId> &tieIds,
                  const QList<RowId> &figureIds,
                  const TimelineOptions &options);

/// Picks the granularity for Auto (see Granularity) for amounts dated `dates` over [from, to].
Granularity autoGranularity(const QList<FuzzyDate> &dates, QDate from, QDate to);

/// A nice upper end for a value axis holding `max` (1, 2, 2.5, 5 × 10^n), and its tick count.
std::pair<double, int> niceAxis(double max);

/// A scale for values up to `max`: {1e9, "billion"}, {1e6, "million"}, {1e3, "thousand"} or
/// {1, ""}.
std::pair<double, QString> scaleFor(double max);

} // namespace TimelineAggregation
} // namespace EcoAtlas
