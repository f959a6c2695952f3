// SPDX-License-Identifier: MIT
#pragma once

#include "TimelineAggregation.h"
#include "TimelineOptions.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QPointer>

namespace EcoAtlas {

class LandscapeDocument;

/// Item-data roles of the timeline models, beside Qt::DisplayRole (what the QtCharts mappers
/// read) and ModelRole::Id.
namespace TimelineRole {
enum : int {
    Value = Qt::UserRole + 64, ///< cells: the raw value (whole currency units, chips, count)
    Bound,                     ///< headers: TimelineAggregation::Bound as int
    Status,                    ///< headers: chip-order status (stable name)
    Key,                       ///< headers: stable column key
    OrganizationId,            ///< headers / events: the organization (qint64)
    TieIds,                    ///< cells / markers / events: QList<qint64> of the ties behind it
    Date,                      ///< clients: the QDate of the step; events: the FuzzyDate text
};
}

/// The colours of the timeline charts. Okabe–Ito first (colour-blind safe), then Tableau.
namespace TimelineColors {
/// Colour `index` of the stack palette (cycles).
QColor stack(int index);
/// Chip-order status colour: delivered green, ordered blue, at risk orange, cancelled
/// vermillion, mixed grey; `shade` > 0 gives lighter variants for further groups of one status.
QColor status(const QString &status, int shade = 0);
/// Event kind colour: tie kinds as FigureStyle::tieKindColor, "figure" dark yellow.
QColor eventKind(const QString &kind);
} // namespace TimelineColors

/// Base of the timeline models: a table model computed from the shared table models of the main
/// window (a TieModel and a FigureModel, or proxies of them: the charts use the ties and figures
/// those rows list) and the LandscapeDocument they show. It re-aggregates on every change of
/// those models (rows inserted, removed, moved, data changed, layout changed, reset), so the
/// charts are live on every edit; it emits dataChanged when the table keeps its shape and a
/// model reset otherwise. Works without any view.
class TimelineAggregateModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// The options the data was aggregated with.
    const TimelineOptions &options() const { return m_options; }
    /// Sets the options; re-aggregates when anything but the cursor changed (or the cursor too,
    /// for models that use it: usesCursor()).
    void setOptions(const TimelineOptions &options);
    /// The landscape of the document (empty without one).
    const Landscape &landscape() const;
    /// Re-aggregates now (normally automatic).
    void rebuild();

signals:
    /// Emitted after every re-aggregation, after the model's own change signals.
    void rebuilt();

protected:
    TimelineAggregateModel(LandscapeDocument *document,
                           QAbstractItemModel *ties,
                           QAbstractItemModel *figures,
                           QObject *parent);
    /// Computes the new data and publishes it (with replace()).
    virtual void aggregate() = 0;
    /// Whether, with `options`, the cursor (figure.asOf, mode, compareFrom) changes what the
    /// model holds.
    virtual bool usesCursor(const TimelineOptions &options) const
    {
        Q_UNUSED(options)
        return false;
    }
    /// Publishes new data: `assign` swaps it in, inside a model reset unless `sameShape`, in
    /// which case dataChanged and headerDataChanged cover the whole table.
    void replace(bool sameShape, const std::function<void()> &assign);
    QList<RowId> tieIds() const;
    QList<RowId> figureIds() const;

private:
    void watch(QAbstractItemModel *model);

    QPointer<LandscapeDocument> m_document;
    QPointer<QAbstractItemModel> m_ties;
    QPointer<QAbstractItemModel> m_figures;
    TimelineOptions m_options;
};

/// Undisclosed amounts of a period chart as points for a QScatterSeries (QVXYModelMapper:
/// x column X, y column Y). One row per marker. X is the category position (period index,
/// spread within the period when several share it); Y sits just above the axis.
class UndisclosedMarkerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { X, Y, Text, ColumnCount };
    /// An empty marker table (PeriodSeriesModel fills it).
    explicit UndisclosedMarkerModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Replaces the markers (model reset). `y` in the chart's display units.
    void setMarkers(const QList<TimelineAggregation::UndisclosedMarker> &markers, double y);
    /// The markers, one per row.
    const QList<TimelineAggregation::UndisclosedMarker> &markers() const { return m_markers; }
    /// Category position of marker `row`.
    double x(int row) const;

private:
    QList<TimelineAggregation::UndisclosedMarker> m_markers;
    QList<double> m_x;
    double m_y = 0;
};

/// A period chart's table: one row per period (vertical header: "Sep 2023"), one column per
/// stack (horizontal header: legend text; Qt::DecorationRole: colour; TimelineRole::Bound,
/// Status, Key, OrganizationId). Qt::DisplayRole holds the value divided by scale() — the
/// number the QVBarModelMapper puts in the bar — and TimelineRole::Value the raw value.
class PeriodSeriesModel : public TimelineAggregateModel
{
    Q_OBJECT
public:
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The aggregated data (raw values, contributions, notes).
    const TimelineAggregation::StackedSeries &series() const { return m_series; }
    /// Divisor from raw values to display values: 1e9 when the largest bar is in billions …
    double scale() const { return m_scale; }
    /// The y-axis unit, e.g. "billion USD", "thousand chips", "CNY".
    QString unitLabel() const;
    /// Upper end of the value axis (display units) and its tick count.
    double axisMax() const { return m_axisMax; }
    int tickCount() const { return m_ticks; }
    /// The undisclosed amounts, as scatter points.
    UndisclosedMarkerModel *markers() const { return m_markers; }
    /// The plain-text lines of cell (row, column): what it is made of.
    QStringList cellTexts(int row, int column) const { return m_series.cellTexts(row, column); }
    /// Short text drawn on a bar segment: "up to 4", "about 1", "over 2.5", "2".
    QString segmentLabel(int row, int column) const;

protected:
    PeriodSeriesModel(LandscapeDocument *document, QAbstractItemModel *ties, QObject *parent);
    /// Computes the series (a pure function of TimelineAggregation).
    virtual TimelineAggregation::StackedSeries compute() const = 0;
    void aggregate() override;

private:
    TimelineAggregation::StackedSeries m_series;
    double m_scale = 1;
    QString m_scaleWord;
    double m_axisMax = 1;
    int m_ticks = 6;
    UndisclosedMarkerModel *m_markers;
};

/// Investments per month/quarter/year, stacked by investor or investee, in the chosen currency
/// (TimelineAggregation::investments). Feed: the investment ties among the tie model's rows.
class InvestmentSeriesModel : public PeriodSeriesModel
{
    Q_OBJECT
public:
    /// Aggregates the investment ties listed by `ties` (rows with ModelRole::Id) of `document`.
    InvestmentSeriesModel(LandscapeDocument *document,
                          QAbstractItemModel *ties,
                          QObject *parent = nullptr);

protected:
    TimelineAggregation::StackedSeries compute() const override;
};

/// Chip orders per period of delivery, stacked by status, as value or units
/// (TimelineAggregation::chipOrders). Feed: the chip-order ties among the tie model's rows.
class ChipOrderSeriesModel : public PeriodSeriesModel
{
    Q_OBJECT
public:
    /// Aggregates the chip-order ties listed by `ties` of `document`.
    ChipOrderSeriesModel(LandscapeDocument *document,
                         QAbstractItemModel *ties,
                         QObject *parent = nullptr);

protected:
    TimelineAggregation::StackedSeries compute() const override;
};

/// Clients per vendor as step lines for QVXYModelMapper: column 0 is the x value (days since
/// 1970-01-01, TimelineAggregation::epochDay), column 1 + i the client count of vendor i
/// (horizontal header: its name; Qt::DecorationRole: colour). Rows are the corners of the
/// steps: the axis start, then for each change day the count before and the count from that
/// day, then the axis end (its last day + 1). TimelineRole::Date gives each row's QDate.
class ClientCountModel : public TimelineAggregateModel
{
    Q_OBJECT
public:
    /// Counts the hosting ties listed by `ties` of `document`.
    ClientCountModel(LandscapeDocument *document,
                     QAbstractItemModel *ties,
                     QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The aggregated data (vendors, steps, intervals, basis note).
    const TimelineAggregation::ClientSeries &series() const { return m_series; }
    /// Clients of `vendor` on `date` (see ClientSeries::countAt).
    int countAt(RowId vendor, QDate date) const { return m_series.countAt(vendor, date); }
    /// Largest count on the axis (for the y range).
    int maxCount() const;

protected:
    void aggregate() override;

private:
    struct Corner
    {
        QDate date;
        qint64 x;
        QList<int> counts;
    };
    TimelineAggregation::ClientSeries m_series;
    QList<Corner> m_corners;
};

/// The events chart's marks, one row per mark (TimelineAggregation::events): columns Start and
/// End (days since 1970-01-01; the span is [Start, End), End = last day + 1), Mid (x of a point
/// mark: the middle of the span), Y (row units, growing downwards), Lane, Kind, Grade (stable
/// evidence grade name), Change (compare mode), Summary. Uses the cursor in Range and Compare
/// modes.
class EventModel : public TimelineAggregateModel
{
    Q_OBJECT
public:
    enum Column { Start, End, Mid, Y, Lane, Kind, Grade, Change, Summary, ColumnCount };
    /// Marks the ties listed by `ties` and the figures listed by `figures` of `document`.
    EventModel(LandscapeDocument *document,
               QAbstractItemModel *ties,
               QAbstractItemModel *figures,
               QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Lanes and marks.
    const TimelineAggregation::EventLanes &lanes() const { return m_lanes; }
    /// The mark of `row` (0 <= row < rowCount()).
    const TimelineAggregation::TimelineEvent &event(int row) const { return m_lanes.events[row]; }
    /// The plain-text tooltip of mark `row`.
    QString toolTip(int row) const;

protected:
    void aggregate() override;
    bool usesCursor(const TimelineOptions &options) const override;

private:
    TimelineAggregation::EventLanes m_lanes;
};

} // namespace EcoAtlas
