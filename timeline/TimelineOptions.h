// SPDX-License-Identifier: MIT
#pragma once

#include "FigureOptions.h"
#include "ViewState.h"

#include <QDate>
#include <QString>

#include <optional>

namespace EcoAtlas {

/// The length of one bar of the investment and chip-order charts. Auto picks the finest of
/// month, quarter and year in which every disclosed amount's date fits one period (dates are
/// fuzzy: "2024" does not fit a month), and no finer than 48 periods over the range.
enum class Granularity { Auto, Month, Quarter, Year };

/// What the investment chart stacks: one colour per investor, or one per investee.
enum class InvestmentStacking { ByInvestor, ByInvestee };

/// What the chip-order chart measures: money (in the chosen currency) or number of chips.
enum class ChipMeasure { Value, Units };

/// How the time cursor reads: the landscape as of one date; the ties that started between
/// two dates (Range); or what changed between two dates (Compare: added, ended, changed).
enum class CursorMode { AsOf, Range, Compare };

/// Everything that decides what a timeline chart shows, on screen and in exports.
/// Dates are calendar dates (QDate, no time zone); years 1–9999 work.
struct TimelineOptions
{
    /// As-of date (the cursor: `figure.asOf`, invalid = no cursor), label language, title and
    /// subtitle overrides (empty = generated).
    FigureOptions figure;
    /// First and last day of the time axis, inclusive. Invalid = fit the landscape's dated
    /// facts (TimelineAggregation::dataSpan), snapped to whole periods.
    QDate from; ///< first day of the axis, or invalid
    QDate to;   ///< last day of the axis, or invalid
    /// Currency amounts are shown in: "USD" or "CNY" (CurrencyRates::currencies()).
    QString currency = QStringLiteral("USD");
    Granularity granularity = Granularity::Auto;                  ///< bar length
    InvestmentStacking stacking = InvestmentStacking::ByInvestor; ///< investment stacks
    ChipMeasure chipMeasure = ChipMeasure::Value;                 ///< chip chart measure
    /// Which date of a tie places it in time: when it began (Tie::start) or when it became
    /// public (the date of its earliest source, TieFilterModel::publicationDate).
    ViewState::TimeBasis basis = ViewState::TimeBasis::Began;
    CursorMode mode = CursorMode::AsOf; ///< one date, a range, or a comparison
    /// Date A of Range and Compare modes (date B is `figure.asOf`). Ignored in AsOf mode.
    QDate compareFrom;

    /// Empty when the options are usable, else a one-line error: a currency without a rate,
    /// `from` after `to`, a Range/Compare mode without both dates or with A after B.
    QString validate() const;

    /// Parses a command-line date: `YYYY-MM-DD`, `YYYY-MM` (first day of the month) or `YYYY`
    /// (1 January) — or, with `endOfSpan`, the last day of that month or year (for `--to`).
    /// Years 1–9999. nullopt for anything else.
    static std::optional<QDate> parseDate(const QString &text, bool endOfSpan = false);
    /// "month", "quarter", "year", "auto" → Granularity; nullopt for anything else.
    static std::optional<Granularity> parseGranularity(const QString &text);
};

/// Display name of a granularity: "month", "quarter", "year", "auto".
QString granularityName(Granularity g);

} // namespace EcoAtlas
