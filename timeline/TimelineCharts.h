// SPDX-License-Identifier: MIT
#pragma once

#include "Landscape.h"
#include "TimelineModels.h"
#include "TimelineOptions.h"

#include <QChart>
#include <QPointer>

#include <optional>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAreaSeries;
class QBarCategoryAxis;
class QCategoryAxis;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QScatterSeries;
class QStackedBarSeries;
class QVBarModelMapper;
class QValueAxis;
class QVXYModelMapper;
QT_END_NAMESPACE

namespace EcoAtlas {

/// A timeline chart: a QChart fed by one of the timeline models (TimelineModels.h) through
/// QtCharts model mappers, so it changes whenever the model does, plus what every timeline
/// chart shares: the vertical cursor line at the as-of date (and, in Range and Compare modes,
/// a shaded band from date A), the texts of its figure frame (title, subtitle with the as-of
/// date, footer with sources, rates and caveats), hit testing for tooltips and clicks, and
/// plain-text annotations. Qt Charts renders legend and axis labels as rich text, so every
/// text from data is HTML-escaped before it reaches them.
///
/// The chart does not own its model. It needs a QApplication (QGraphicsWidget).
class TimelineChart : public QChart
{
    Q_OBJECT
public:
    /// Which chart it is (one per export view).
    enum class Kind { Investments, ChipOrders, Clients, Events };
    Kind kind() const { return m_kind; }

    /// Passes `options` to the model (which re-aggregates when the data depends on them) and
    /// moves the cursor line to `options.figure.asOf` (none when invalid).
    void setOptions(const TimelineOptions &options);
    /// The options last set (the cursor included).
    const TimelineOptions &options() const;

    /// x value of the middle of day `date` on the x axis.
    virtual double xOf(QDate date) const = 0;
    /// The day at x value `x`.
    virtual QDate dateAtX(double x) const = 0;
    /// The day under `pos` (this chart's item coordinates), invalid outside the plot area.
    QDate dateAt(const QPointF &pos) const;
    /// What is under `pos` as plain text (a bar segment, a marker, a step, an event), or empty.
    virtual QString toolTipAt(const QPointF &pos) const = 0;
    /// The organization of the mark under `pos` (a stack of investments, a vendor's line, an
    /// event's lane), or 0.
    virtual RowId organizationAt(const QPointF &pos) const;
    /// Highlights the organization selected everywhere (0: none). Default: nothing to do.
    virtual void setSelectedOrganization(RowId id);

    /// Figure title, e.g. "Investments over time".
    virtual QString figureTitle() const = 0;
    /// Subtitle: what is shown, the currency or unit, the cursor date and its basis.
    virtual QString figureSubtitle() const = 0;
    /// Footer lines: how to read the marks, items not on the axis, rates, sources (plain text).
    virtual QStringList footer() const = 0;
    /// A good export size in pixels for the whole figure (frame included).
    virtual QSizeF naturalSize() const;

    /// The x value of the cursor line, or nullopt when it is hidden.
    std::optional<double> cursorX() const;
    /// The annotation texts drawn on the chart (bar values, end labels), plain.
    QStringList annotationTexts() const;
    /// Re-reads the model and lays out annotations (normally automatic).
    void refresh();
    /// Lays out the annotations for the current plot area (call after a geometry change when
    /// the chart is not in a view: exports do).
    void layoutAnnotations();

signals:
    /// The chart changed after its model did (for views that show the frame texts).
    void contentChanged();

protected:
    TimelineChart(Kind kind, QGraphicsItem *parent);
    /// Reads the model into axes, series styles and annotations.
    virtual void reload() = 0;
    /// Places the annotations for the current plot area.
    virtual void placeAnnotations() = 0;
    /// Passes options to the model.
    virtual void applyOptions(const TimelineOptions &options) = 0;
    /// Adds the cursor, date-A line and band series on the given axes (once).
    void setupCursor(QAbstractAxis *x, QValueAxis *y);
    /// Re-adds the cursor lines after other series, so they are drawn on top.
    void raiseCursor();
    /// Moves the cursor line, date-A line and band to the options' dates.
    void updateCursor();
    /// Chart position of a value on the cursor's axes, and back.
    QPointF toPosition(const QPointF &value) const;
    QPointF toValue(const QPointF &position) const;
    /// Hides the legend entry of a helper series (cursor, band, spans).
    void hideFromLegend(QAbstractSeries *series);
    /// A plain-text label on the chart, above the series; cleared by clearAnnotations().
    QGraphicsSimpleTextItem *addAnnotation(const QString &text,
                                           const QColor &color,
                                           double pixelSize = 11,
                                           bool bold = false);
    /// Removes every annotation.
    void clearAnnotations();
    /// Styles an axis: fonts, grid colours.
    static void styleAxis(QAbstractAxis *axis, const QString &title);
    /// Common subtitle tail: "as of 2023-11-15 (when ties began)" or the range/compare text.
    QString cursorText() const;
    /// "Sources: …" for the given ties (numbered citations), plain.
    QString sourcesLine(const Landscape &landscape,
                        const QList<RowId> &tieIds,
                        const QList<RowId> &figureIds = {}) const;

    TimelineOptions m_options;
    QValueAxis *m_yAxis = nullptr;
    QAbstractAxis *m_xAxis = nullptr;

private:
    Kind m_kind;
    QLineSeries *m_cursor = nullptr;
    QLineSeries *m_cursorA = nullptr;
    QAreaSeries *m_band = nullptr;
    QList<QGraphicsSimpleTextItem *> m_annotations;
};

/// The investment chart (Kind::Investments) and the chip-order chart (Kind::ChipOrders): a
/// QStackedBarSeries fed by a PeriodSeriesModel through a QVBarModelMapper (one bar set per
/// column, one category per period), diamonds for undisclosed amounts fed through a
/// QVXYModelMapper, bound styles (solid = exact or about; hatched = up to, an upper bound;
/// cross-hatched = over / at least, a lower bound) and the value with its qualifier on each
/// segment ("up to 4").
class PeriodBarChart : public TimelineChart
{
    Q_OBJECT
public:
    /// `model`: an InvestmentSeriesModel (kind Investments) or ChipOrderSeriesModel (ChipOrders).
    PeriodBarChart(Kind kind, PeriodSeriesModel *model, QGraphicsItem *parent = nullptr);

    /// The model the bars are mapped from (nullptr once it is gone).
    PeriodSeriesModel *model() const { return m_model; }
    /// The stacked bars: one bar set per model column (QVBarModelMapper).
    QStackedBarSeries *barSeries() const { return m_bars; }
    /// The undisclosed-amount diamonds (QVXYModelMapper over model()->markers()).
    QScatterSeries *markerSeries() const { return m_markers; }
    /// The period axis (categories = the model's vertical headers).
    QBarCategoryAxis *categoryAxis() const { return m_categories; }

    double xOf(QDate date) const override;
    QDate dateAtX(double x) const override;
    QString toolTipAt(const QPointF &pos) const override;
    RowId organizationAt(const QPointF &pos) const override;
    QString figureTitle() const override;
    QString figureSubtitle() const override;
    QStringList footer() const override;
    QSizeF naturalSize() const override;

protected:
    void reload() override;
    void placeAnnotations() override;
    void applyOptions(const TimelineOptions &options) override;

private:
    /// The (row, column) of the bar segment under `pos`, or {-1, -1}.
    std::pair<int, int> segmentAt(const QPointF &pos) const;
    int markerAt(const QPointF &pos) const;
    void styleBarSets();

    QPointer<PeriodSeriesModel> m_model;
    QAbstractItemModel *m_chartModel; ///< the model with headers escaped for Qt Charts
    QStackedBarSeries *m_bars;
    QVBarModelMapper *m_mapper;
    QScatterSeries *m_markers;
    QVXYModelMapper *m_markerMapper;
    QBarCategoryAxis *m_categories;
};

/// Clients per vendor: one step line per vendor, each fed by a ClientCountModel column through a
/// QVXYModelMapper, on a date axis; the count and vendor names at the right end of the lines
/// (lines that coincide are named together), widest line first so coinciding lines stay visible.
class ClientCountChart : public TimelineChart
{
    Q_OBJECT
public:
    /// A chart of `model` (not owned).
    explicit ClientCountChart(ClientCountModel *model, QGraphicsItem *parent = nullptr);

    /// The model the lines are mapped from (nullptr once it is gone).
    ClientCountModel *model() const { return m_model; }
    /// The line of vendor `index` (model column 1 + index).
    QLineSeries *vendorSeries(int index) const { return m_lines.value(index); }

    double xOf(QDate date) const override;
    QDate dateAtX(double x) const override;
    QString toolTipAt(const QPointF &pos) const override;
    RowId organizationAt(const QPointF &pos) const override;
    QString figureTitle() const override;
    QString figureSubtitle() const override;
    QStringList footer() const override;

protected:
    void reload() override;
    void placeAnnotations() override;
    void applyOptions(const TimelineOptions &options) override;

private:
    QPointer<ClientCountModel> m_model;
    QAbstractItemModel *m_chartModel;
    QCategoryAxis *m_dates;
    QList<QLineSeries *> m_lines;
    QList<QVXYModelMapper *> m_mappers;
    QList<RowId> m_vendorIds;
};

/// Events: a swimlane per organization (y axis labelled with its name), every dated tie, figure
/// and claim as a mark coloured by kind: a point for a date known to the day, a bar over the
/// days a fuzzy date could be ("late October 2023" covers 21–31 October); claims hollow or
/// dashed. Compare mode rings the ties added, removed or changed between date A and date B.
/// The marks are rebuilt from the EventModel whenever it changes (swimlane spans are one line
/// series each, which no mapper produces).
class EventChart : public TimelineChart
{
    Q_OBJECT
public:
    /// A chart of `model` (not owned).
    explicit EventChart(EventModel *model, QGraphicsItem *parent = nullptr);

    /// The model the marks are built from (nullptr once it is gone).
    EventModel *model() const { return m_model; }
    /// The event row (EventModel row) under `pos`, or -1.
    int eventAt(const QPointF &pos) const;
    /// The screen position of event `row`'s mark (its middle), chart coordinates.
    QPointF markPosition(int row) const;

    double xOf(QDate date) const override;
    QDate dateAtX(double x) const override;
    QString toolTipAt(const QPointF &pos) const override;
    RowId organizationAt(const QPointF &pos) const override;
    void setSelectedOrganization(RowId id) override;
    QString figureTitle() const override;
    QString figureSubtitle() const override;
    QStringList footer() const override;
    QSizeF naturalSize() const override;

protected:
    void reload() override;
    void placeAnnotations() override;
    void applyOptions(const TimelineOptions &options) override;

private:
    void updateSelection();

    QPointer<EventModel> m_model;
    QCategoryAxis *m_dates;
    QCategoryAxis *m_lanes;
    QList<QAbstractSeries *> m_markSeries; ///< rebuilt on every reload
    QAreaSeries *m_selection = nullptr;
    RowId m_selected = 0;
};

} // namespace EcoAtlas
