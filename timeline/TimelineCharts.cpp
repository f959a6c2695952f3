// SPDX-License-Identifier: MIT
#include "TimelineCharts.h"

#include "CurrencyRates.h"
#include "FigureStyle.h"
#include "OrganizationDetails.h"
#include "TimeAxis.h"
#include "TimelineModels.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QIdentityProxyModel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QVBarModelMapper>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <cmath>
#include <limits>

namespace EcoAtlas {

using namespace TimelineAggregation;

namespace {

constexpr double kBarWidth = 0.7;
const QColor kText(0x20, 0x20, 0x20);
const QColor kCursor(0xC0, 0x1E, 0x2E);

/// Text from data made safe for Qt Charts, which renders labels as rich text: plain, escaped,
/// cut at FigureStyle::kMaxLabelLength characters, long labels broken at spaces.
QString chartText(const QString &text, int wrapAt = 46)
{
    const QString plain = FigureStyle::plainText(text, FigureStyle::kMaxLabelLength);
    if (plain.size() <= wrapAt)
        return plain.toHtmlEscaped();
    QStringList lines;
    QString line;
    for (const QString &word : plain.split(QLatin1Char(' '))) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > wrapAt) {
            lines << line.toHtmlEscaped();
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines << line.toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

/// The table a mapper reads, with the header texts escaped for Qt Charts (the model itself
/// keeps plain text for table views).
class ChartTextProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        const QVariant v = QIdentityProxyModel::headerData(section, orientation, role);
        if (role == Qt::DisplayRole && v.typeId() == QMetaType::QString)
            return chartText(v.toString());
        return v;
    }
};

QString basisPhrase(ViewState::TimeBasis basis)
{
    return basis == ViewState::TimeBasis::Began ? QStringLiteral("when ties began")
                                                : QStringLiteral("when ties became public");
}

QString granularityWord(Granularity g)
{
    switch (g) {
    case Granularity::Quarter:
        return QStringLiteral("quarter");
    case Granularity::Year:
        return QStringLiteral("year");
    case Granularity::Auto:
    case Granularity::Month:
        break;
    }
    return QStringLiteral("month");
}

void setLegendVisible(QChart *chart, QAbstractSeries *series, bool visible)
{
    for (QLegendMarker *m : chart->legend()->markers(series)) {
        m->setVisible(visible);
        // Points and lines show their own shape in the legend (bar sets keep their swatch).
        if (series->type() == QAbstractSeries::SeriesTypeScatter
            || series->type() == QAbstractSeries::SeriesTypeLine)
            m->setShape(QLegend::MarkerShapeFromSeries);
    }
}

double distance(const QPointF &a, const QPointF &b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

// ---------------------------------------------------------------------------------------------

TimelineChart::TimelineChart(Kind kind, QGraphicsItem *parent)
    : QChart(parent)
    , m_kind(kind)
{
    setTheme(QChart::ChartThemeLight);
    setAnimationOptions(QChart::NoAnimation);
    setBackgroundRoundness(0);
    setMargins(QMargins(4, 8, 8, 4));
    legend()->setAlignment(Qt::AlignRight);
    legend()->setFont(FigureStyle::font(12));
    legend()->setLabelColor(kText);
    legend()->setShowToolTips(true);
    connect(this, &QChart::plotAreaChanged, this, [this] { layoutAnnotations(); });
}

void TimelineChart::setOptions(const TimelineOptions &options)
{
    m_options = options;
    applyOptions(options); // re-aggregates (and refreshes) when the data depends on them
    updateCursor();
    emit contentChanged();
}

const TimelineOptions &TimelineChart::options() const
{
    return m_options;
}

QDate TimelineChart::dateAt(const QPointF &pos) const
{
    if (!m_cursor || !plotArea().contains(pos))
        return {};
    return dateAtX(const_cast<TimelineChart *>(this)->mapToValue(pos, m_cursor).x());
}

RowId TimelineChart::organizationAt(const QPointF &pos) const
{
    Q_UNUSED(pos)
    return 0;
}

void TimelineChart::setSelectedOrganization(RowId id)
{
    Q_UNUSED(id)
}

QSizeF TimelineChart::naturalSize() const
{
    return {1400, 860};
}

std::optional<double> TimelineChart::cursorX() const
{
    if (!m_cursor || !m_cursor->isVisible() || m_cursor->count() == 0)
        return std::nullopt;
    return m_cursor->at(0).x();
}

QStringList TimelineChart::annotationTexts() const
{
    QStringList out;
    for (const QGraphicsSimpleTextItem *item : m_annotations)
        out << item->text();
    return out;
}

void TimelineChart::refresh()
{
    reload();
    updateCursor();
    layoutAnnotations();
    emit contentChanged();
}

void TimelineChart::layoutAnnotations()
{
    clearAnnotations();
    if (!plotArea().isEmpty())
        placeAnnotations();
}

void TimelineChart::setupCursor(QAbstractAxis *x, QValueAxis *y)
{
    m_xAxis = x;
    m_yAxis = y;
    auto *upper = new QLineSeries(this);
    auto *lower = new QLineSeries(this);
    m_band = new QAreaSeries(upper, lower);
    m_band->setName(QStringLiteral("Range"));
    m_band->setBrush(QColor(0xC0, 0x1E, 0x2E, 28));
    m_band->setPen(Qt::NoPen);
    m_cursorA = new QLineSeries;
    m_cursorA->setPen(QPen(kCursor, 1.5, Qt::DashLine));
    m_cursor = new QLineSeries;
    m_cursor->setPen(QPen(kCursor, 2));
    for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(m_band),
                               static_cast<QAbstractSeries *>(m_cursorA),
                               static_cast<QAbstractSeries *>(m_cursor)}) {
        addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
        hideFromLegend(s);
    }
    connect(y, &QValueAxis::rangeChanged, this, [this] { updateCursor(); });
}

void TimelineChart::raiseCursor()
{
    // Series are stacked in the order they were added: re-add the cursor lines on top.
    for (QLineSeries *s : {m_cursorA, m_cursor}) {
        const bool visible = s->isVisible();
        removeSeries(s);
        addSeries(s);
        s->attachAxis(m_xAxis);
        s->attachAxis(m_yAxis);
        s->setVisible(visible);
        hideFromLegend(s);
    }
}

void TimelineChart::updateCursor()
{
    if (!m_cursor || !m_yAxis)
        return;
    const double y0 = m_yAxis->min();
    const double y1 = m_yAxis->max();
    const QDate b = m_options.figure.asOf;
    if (b.isValid()) {
        const double x = xOf(b);
        m_cursor->replace(QList<QPointF>{{x, y0}, {x, y1}});
        m_cursor->setVisible(true);
    } else {
        m_cursor->clear();
        m_cursor->setVisible(false);
    }
    const QDate a = m_options.compareFrom;
    const bool two = m_options.mode != CursorMode::AsOf && a.isValid() && b.isValid();
    if (two) {
        const double xa = xOf(a);
        const double xb = xOf(b);
        m_cursorA->replace(QList<QPointF>{{xa, y0}, {xa, y1}});
        m_band->upperSeries()->replace(QList<QPointF>{{xa, y1}, {xb, y1}});
        m_band->lowerSeries()->replace(QList<QPointF>{{xa, y0}, {xb, y0}});
    }
    m_cursorA->setVisible(two);
    m_band->setVisible(two);
    // Qt Charts shows a series' legend marker again whenever the series is shown.
    for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(m_band),
                               static_cast<QAbstractSeries *>(m_cursorA),
                               static_cast<QAbstractSeries *>(m_cursor)})
        hideFromLegend(s);
}

void TimelineChart::hideFromLegend(QAbstractSeries *series)
{
    setLegendVisible(this, series, false);
}

QPointF TimelineChart::toPosition(const QPointF &value) const
{
    return const_cast<TimelineChart *>(this)->mapToPosition(value, m_cursor);
}

QPointF TimelineChart::toValue(const QPointF &position) const
{
    return const_cast<TimelineChart *>(this)->mapToValue(position, m_cursor);
}

QGraphicsSimpleTextItem *TimelineChart::addAnnotation(const QString &text,
                                                      const QColor &color,
                                                      double pixelSize,
                                                      bool bold)
{
    auto *item = new QGraphicsSimpleTextItem(FigureStyle::plainText(text), this);
    item->setFont(FigureStyle::font(pixelSize, bold));
    item->setBrush(color);
    item->setZValue(1000);
    m_annotations << item;
    return item;
}

void TimelineChart::clearAnnotations()
{
    qDeleteAll(m_annotations);
    m_annotations.clear();
}

void TimelineChart::styleAxis(QAbstractAxis *axis, const QString &title)
{
    axis->setLabelsFont(FigureStyle::font(12));
    axis->setLabelsColor(QColor(0x33, 0x33, 0x33));
    axis->setTitleFont(FigureStyle::font(13, true));
    axis->setTitleBrush(kText);
    axis->setTitleText(chartText(title, 80));
    axis->setGridLineColor(QColor(0xE4, 0xE4, 0xE4));
    axis->setLinePenColor(QColor(0x99, 0x99, 0x99));
}

QString TimelineChart::cursorText() const
{
    const QDate b = m_options.figure.asOf;
    const QString basis = basisPhrase(m_options.basis);
    if (!b.isValid())
        return QStringLiteral("all dates");
    const QString iso = b.toString(Qt::ISODate);
    const QDate a = m_options.compareFrom;
    if (m_options.mode == CursorMode::Range && a.isValid())
        return QStringLiteral("range %1 \u2013 %2: ties that started between them (%3)")
                .arg(a.toString(Qt::ISODate), iso, basis);
    if (m_options.mode == CursorMode::Compare && a.isValid())
        return QStringLiteral("compare %1 \u2192 %2: ties added, removed or changed (%3)")
                .arg(a.toString(Qt::ISODate), iso, basis);
    return QStringLiteral("as of %1 (%2)").arg(iso, basis);
}

QString TimelineChart::sourcesLine(const Landscape &l,
                                   const QList<RowId> &tieIds,
                                   const QList<RowId> &figureIds) const
{
    QList<RowId> cited;
    auto cite = [&](const QList<RowId> &ids) {
        for (RowId s : ids)
            if (!cited.contains(s))
                cited << s;
    };
    for (const Tie &t : l.ties)
        if (tieIds.contains(t.id))
            cite(t.sourceIds);
    for (const Figure &f : l.figures)
        if (figureIds.contains(f.id))
            cite(f.sourceIds);
    QStringList entries;
    for (int i = 0; i < cited.size(); ++i)
        if (const Source *s = l.source(cited[i]))
            entries << QStringLiteral("[%1] %2").arg(i + 1).arg(
                    OrganizationDetails::sourceCitation(l, *s));
    return QStringLiteral("Sources: %1")
            .arg(entries.isEmpty() ? QStringLiteral("none shown")
                                   : entries.join(QStringLiteral("; ")));
}

// ---------------------------------------------------------------------------------------------

PeriodBarChart::PeriodBarChart(Kind kind, PeriodSeriesModel *model, QGraphicsItem *parent)
    : TimelineChart(kind, parent)
    , m_model(model)
    , m_chartModel(new ChartTextProxy(this))
    , m_bars(new QStackedBarSeries)
    , m_mapper(new QVBarModelMapper(this))
    , m_markers(new QScatterSeries)
    , m_markerMapper(new QVXYModelMapper(this))
    , m_categories(new QBarCategoryAxis)
{
    static_cast<ChartTextProxy *>(m_chartModel)->setSourceModel(model);
    auto *values = new QValueAxis;
    addAxis(m_categories, Qt::AlignBottom);
    addAxis(values, Qt::AlignLeft);
    setupCursor(m_categories, values);

    m_bars->setBarWidth(kBarWidth);
    addSeries(m_bars);
    m_bars->attachAxis(m_categories);
    m_bars->attachAxis(values);
    m_markers->setName(QStringLiteral("Amount undisclosed (a marker, not a zero)"));
    m_markers->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    m_markers->setMarkerSize(14);
    m_markers->setBrush(Qt::white);
    m_markers->setPen(QPen(QColor(0x33, 0x33, 0x33), 2));
    addSeries(m_markers);
    m_markers->attachAxis(m_categories);
    m_markers->attachAxis(values);
    setLegendVisible(this, m_markers, true);
    raiseCursor();

    m_mapper->setFirstBarSetColumn(0);
    m_mapper->setLastBarSetColumn(model->columnCount() - 1);
    m_mapper->setFirstRow(0);
    m_mapper->setRowCount(-1);
    m_mapper->setSeries(m_bars);
    m_mapper->setModel(m_chartModel);
    m_markerMapper->setXColumn(UndisclosedMarkerModel::X);
    m_markerMapper->setYColumn(UndisclosedMarkerModel::Y);
    m_markerMapper->setSeries(m_markers);
    m_markerMapper->setModel(model->markers());

    connect(m_bars, &QBarSeries::barsetsAdded, this, [this] { styleBarSets(); });
    connect(model, &TimelineAggregateModel::rebuilt, this, &TimelineChart::refresh);
    m_options = model->options();
    refresh();
}

void PeriodBarChart::applyOptions(const TimelineOptions &options)
{
    if (m_model)
        m_model->setOptions(options);
}

void PeriodBarChart::styleBarSets()
{
    if (!m_model)
        return;
    const QList<QBarSet *> sets = m_bars->barSets();
    for (int i = 0; i < sets.size(); ++i) {
        QBarSet *set = sets[i];
        const QColor c = m_model->headerData(i, Qt::Horizontal, Qt::DecorationRole).value<QColor>();
        const auto bound = Bound(
                m_model->headerData(i, Qt::Horizontal, TimelineRole::Bound).toInt());
        switch (bound) {
        case Bound::Point:
            set->setBrush(c);
            set->setPen(QPen(c.darker(130), 1));
            break;
        case Bound::UpperBound:
            set->setBrush(QBrush(c, Qt::BDiagPattern));
            set->setPen(QPen(c.darker(115), 1.5, Qt::DashLine));
            break;
        case Bound::LowerBound:
            set->setBrush(QBrush(c, Qt::DiagCrossPattern));
            set->setPen(QPen(c.darker(115), 2));
            break;
        }
    }
}

void PeriodBarChart::reload()
{
    if (!m_model)
        return;
    // Up to a year of periods: labels on two lines ("Sep" over "2023") under their bars. More
    // periods: one line each, turned on their side, so that a narrow window never elides them.
    const bool sideways = m_model->rowCount() > 12;
    QStringList categories;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QString label = chartText(
                m_model->headerData(r, Qt::Vertical, Qt::DisplayRole).toString());
        categories << (sideways ? label
                                : QString(label).replace(QLatin1Char(' '), QStringLiteral("<br>")));
    }
    m_categories->setCategories(categories);
    m_categories->setLabelsAngle(sideways ? -90 : 0);
    m_categories->setTruncateLabels(false); // a date cut to "J…" or "⋮" is no date
    const int last = m_model->columnCount() - 1;
    if (m_mapper->lastBarSetColumn() != last)
        m_mapper->setLastBarSetColumn(last);
    styleBarSets();
    m_yAxis->setRange(0, m_model->axisMax());
    m_yAxis->setTickCount(m_model->tickCount());
    m_yAxis->setLabelFormat(QStringLiteral("%g"));
    styleAxis(m_yAxis, m_model->unitLabel());
    const Granularity g = m_model->series().grid.granularity();
    styleAxis(m_categories,
              kind() == Kind::Investments
                      ? QStringLiteral("%1 of the investment (%2)")
                                .arg(granularityWord(g),
                                     m_options.basis == ViewState::TimeBasis::Began
                                             ? QStringLiteral("start date")
                                             : QStringLiteral("publication date"))
                      : QStringLiteral("%1 of scheduled delivery").arg(granularityWord(g)));
    setLegendVisible(this, m_markers, m_model->markers()->rowCount() > 0);
}

std::pair<int, int> PeriodBarChart::segmentAt(const QPointF &pos) const
{
    if (!m_model || !plotArea().contains(pos))
        return {-1, -1};
    const QPointF v = const_cast<PeriodBarChart *>(this)->mapToValue(pos, m_bars);
    const int row = int(std::lround(v.x()));
    if (row < 0 || row >= m_model->rowCount() || std::abs(v.x() - row) > kBarWidth / 2)
        return {-1, -1};
    double cum = 0;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const double h = m_model->index(row, c).data().toDouble();
        if (h > 0 && v.y() >= cum && v.y() <= cum + h)
            return {row, c};
        cum += h;
    }
    return {-1, -1};
}

int PeriodBarChart::markerAt(const QPointF &pos) const
{
    if (!m_model)
        return -1;
    const UndisclosedMarkerModel *markers = m_model->markers();
    for (int i = 0; i < markers->rowCount(); ++i) {
        const QPointF p = toPosition(
                {markers->x(i), markers->index(i, UndisclosedMarkerModel::Y).data().toDouble()});
        if (distance(p, pos) <= 10)
            return i;
    }
    return -1;
}

QString PeriodBarChart::toolTipAt(const QPointF &pos) const
{
    if (!m_model)
        return {};
    const int m = markerAt(pos);
    if (m >= 0)
        return m_model->markers()->markers().at(m).text;
    const auto [row, column] = segmentAt(pos);
    if (row < 0)
        return {};
    QStringList lines{
            QStringLiteral("%1 \u00B7 %2")
                    .arg(m_model->headerData(row, Qt::Vertical, Qt::DisplayRole).toString(),
                         m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString())};
    lines += m_model->cellTexts(row, column);
    return lines.join(QLatin1Char('\n'));
}

RowId PeriodBarChart::organizationAt(const QPointF &pos) const
{
    const auto [row, column] = segmentAt(pos);
    if (row < 0 || !m_model)
        return 0;
    return m_model->headerData(column, Qt::Horizontal, TimelineRole::OrganizationId).toLongLong();
}

double PeriodBarChart::xOf(QDate date) const
{
    return m_model ? m_model->series().grid.position(date) : 0.0;
}

QDate PeriodBarChart::dateAtX(double x) const
{
    return m_model ? m_model->series().grid.dateAt(x) : QDate();
}

void PeriodBarChart::placeAnnotations()
{
    if (!m_model)
        return;
    // Above each stack, its segments' values from top to bottom, in their colours.
    for (int r = 0; r < m_model->rowCount(); ++r) {
        double top = 0;
        QList<int> columns;
        for (int c = 0; c < m_model->columnCount(); ++c) {
            const double h = m_model->index(r, c).data().toDouble();
            if (h > 0) {
                top += h;
                columns.prepend(c);
            }
        }
        if (columns.isEmpty())
            continue;
        const QPointF anchor = toPosition({double(r), top});
        double y = anchor.y() - 3;
        for (int c : std::as_const(columns)) {
            const QColor color = m_model->headerData(c, Qt::Horizontal, Qt::DecorationRole)
                                         .value<QColor>()
                                         .darker(140);
            QGraphicsSimpleTextItem *item = addAnnotation(
                    m_model->segmentLabel(r, c), color, 11, true);
            const QRectF b = item->boundingRect();
            y -= b.height();
            item->setPos(anchor.x() - b.width() / 2, y);
        }
    }
}

QString PeriodBarChart::figureTitle() const
{
    if (!m_options.figure.title.isEmpty())
        return m_options.figure.title;
    return kind() == Kind::Investments ? QStringLiteral("Investments over time")
                                       : QStringLiteral("Chip orders by scheduled delivery");
}

QString PeriodBarChart::figureSubtitle() const
{
    if (!m_model)
        return {};
    const StackedSeries &s = m_model->series();
    const QString per = granularityWord(s.grid.granularity());
    QString what;
    if (kind() == Kind::Investments) {
        what = QStringLiteral("Disclosed amounts per %1 in %2, stacked by %3")
                       .arg(per,
                            m_options.currency,
                            m_options.stacking == InvestmentStacking::ByInvestor
                                    ? QStringLiteral("investor")
                                    : QStringLiteral("investee"));
    } else {
        // Totals by status, e.g. "5 billion USD shown (ordered about 1 billion, at risk 4
        // billion)", with the qualifier the parts give the sum.
        struct StatusTotal
        {
            double value = 0;
            bool about = false;
            bool upper = false;
            bool lower = false;
        };
        QStringList statuses;
        QHash<QString, StatusTotal> totals;
        for (const Contribution &c : s.contributions) {
            const QString status = s.columns[c.column].status;
            if (!statuses.contains(status))
                statuses << status;
            StatusTotal &t = totals[status];
            t.value += c.value;
            t.about = t.about || c.qualifier == Amount::Qualifier::About;
            t.upper = t.upper || boundOf(c.qualifier) == Bound::UpperBound;
            t.lower = t.lower || boundOf(c.qualifier) == Bound::LowerBound;
        }
        QStringList parts;
        for (const QString &status : std::as_const(statuses)) {
            const StatusTotal &t = totals[status];
            QStringList words{Vocabulary::label(status).toLower()};
            if (t.upper && t.lower)
                words << QStringLiteral("roughly");
            else if (t.upper)
                words << QStringLiteral("up to");
            else if (t.lower)
                words << QStringLiteral("over");
            else if (t.about)
                words << QStringLiteral("about");
            words << Amount::formatNumber(t.value);
            parts << words.join(QLatin1Char(' '));
        }
        const bool value = m_options.chipMeasure == ChipMeasure::Value;
        what = QStringLiteral("%1 per %2 of scheduled delivery, by status")
                       .arg(value ? QStringLiteral("Order value in %1").arg(m_options.currency)
                                  : QStringLiteral("Chips ordered"),
                            per);
        if (!parts.isEmpty())
            what += QStringLiteral(" \u00B7 %1 %2 shown (%3)")
                            .arg(Amount::formatNumber(s.total()),
                                 s.unit,
                                 parts.join(QStringLiteral(", ")));
    }
    if (!m_options.figure.subtitle.isEmpty())
        what = m_options.figure.subtitle;
    return QStringLiteral("%1 \u00B7 cursor: %2").arg(what, cursorText());
}

QStringList PeriodBarChart::footer() const
{
    QStringList lines;
    if (!m_model)
        return lines;
    const StackedSeries &s = m_model->series();
    if (kind() == Kind::Investments)
        lines << QStringLiteral("How to read: solid = exact or approximate amount; hatched = "
                                "\u201Cup to\u201D (an upper bound: the true amount may be less); "
                                "cross-hatched = \u201Cover\u201D or \u201Cat least\u201D (a lower "
                                "bound: it may be more); \u25C7 = amount undisclosed, not zero. A "
                                "bar sits in the period of the first day its date could be.");
    else
        lines << QStringLiteral("How to read: colour = status of the order (delivered, ordered, at "
                                "risk, cancelled). Values are whole deals as reported: per-buyer "
                                "amounts are not, so each deal counts once and names its buyers. "
                                "Hatched = \u201Cup to\u201D, cross-hatched = \u201Cover\u201D; "
                                "\u25C7 = undisclosed, not zero.");
    if (!s.offAxis.isEmpty())
        lines << QStringLiteral("Not on the time axis: %1.")
                         .arg(s.offAxis.join(QStringLiteral("; ")));
    if (!s.notes.isEmpty())
        lines << s.notes.join(QLatin1Char(' '));
    if (kind() == Kind::Investments || m_options.chipMeasure == ChipMeasure::Value)
        lines << CurrencyRates::description();
    QList<RowId> ties;
    for (const Contribution &c : s.contributions)
        ties += c.tieIds;
    for (const UndisclosedMarker &m : s.undisclosed)
        ties += m.tieIds;
    lines << sourcesLine(m_model->landscape(), ties);
    lines << QStringLiteral("Made with EcoAtlas.");
    return lines;
}

QSizeF PeriodBarChart::naturalSize() const
{
    const int periods = m_model ? m_model->rowCount() : 12;
    return {std::clamp(560.0 + periods * 44.0, 1400.0, 2400.0), 900};
}

// ---------------------------------------------------------------------------------------------

ClientCountChart::ClientCountChart(ClientCountModel *model, QGraphicsItem *parent)
    : TimelineChart(Kind::Clients, parent)
    , m_model(model)
    , m_chartModel(new ChartTextProxy(this))
    , m_dates(new QCategoryAxis)
{
    static_cast<ChartTextProxy *>(m_chartModel)->setSourceModel(model);
    auto *counts = new QValueAxis;
    addAxis(m_dates, Qt::AlignBottom);
    addAxis(counts, Qt::AlignLeft);
    setupCursor(m_dates, counts);
    styleAxis(m_dates, QStringLiteral("Date"));
    connect(model, &TimelineAggregateModel::rebuilt, this, &TimelineChart::refresh);
    m_options = model->options();
    refresh();
}

void ClientCountChart::applyOptions(const TimelineOptions &options)
{
    if (m_model)
        m_model->setOptions(options);
}

void ClientCountChart::reload()
{
    if (!m_model)
        return;
    const ClientSeries &s = m_model->series();
    QList<RowId> ids;
    for (const ClientSeries::Vendor &v : s.vendors)
        ids << v.id;
    if (ids != m_vendorIds) {
        for (QLineSeries *line : std::as_const(m_lines)) {
            removeSeries(line);
            delete line;
        }
        qDeleteAll(m_mappers);
        m_lines.clear();
        m_mappers.clear();
        m_vendorIds = ids;
        for (int i = 0; i < ids.size(); ++i) {
            auto *line = new QLineSeries;
            // Widest first, so that lines that coincide stay visible under the later ones.
            line->setPen(QPen(
                    m_model->headerData(1 + i, Qt::Horizontal, Qt::DecorationRole).value<QColor>(),
                    std::max(2.0, 9.0 - 2.0 * i),
                    Qt::SolidLine,
                    Qt::FlatCap,
                    Qt::MiterJoin));
            addSeries(line);
            line->attachAxis(m_dates);
            line->attachAxis(m_yAxis);
            setLegendVisible(this, line, true);
            auto *mapper = new QVXYModelMapper(this);
            mapper->setXColumn(0);
            mapper->setYColumn(1 + i);
            mapper->setSeries(line);
            mapper->setModel(m_chartModel);
            m_lines << line;
            m_mappers << mapper;
        }
        raiseCursor();
    }
    for (int i = 0; i < m_lines.size(); ++i)
        m_lines[i]->setName(chartText(s.vendors[i].name));
    TimeAxis::configure(m_dates, s.from, s.to, 12);
    const int max = std::max(1, m_model->maxCount());
    if (max <= 10) {
        m_yAxis->setRange(0, max + 1);
        m_yAxis->setTickCount(max + 2);
    } else {
        const auto [top, ticks] = niceAxis(max * 1.1);
        m_yAxis->setRange(0, top);
        m_yAxis->setTickCount(ticks);
    }
    m_yAxis->setLabelFormat(QStringLiteral("%d"));
    styleAxis(m_yAxis, QStringLiteral("Clients (hosting ties)"));
}

double ClientCountChart::xOf(QDate date) const
{
    return double(epochDay(date)) + 0.5;
}

QDate ClientCountChart::dateAtX(double x) const
{
    return dateOfEpochDay(qint64(std::floor(x)));
}

QString ClientCountChart::toolTipAt(const QPointF &pos) const
{
    const QDate d = dateAt(pos);
    if (!d.isValid() || !m_model)
        return {};
    QStringList lines{QStringLiteral("Clients on %1:").arg(d.toString(Qt::ISODate))};
    for (const ClientSeries::Vendor &v : m_model->series().vendors)
        lines << QStringLiteral("%1: %2").arg(v.name).arg(m_model->countAt(v.id, d));
    lines << m_model->series().basisNote;
    return lines.join(QLatin1Char('\n'));
}

RowId ClientCountChart::organizationAt(const QPointF &pos) const
{
    const QDate d = dateAt(pos);
    if (!d.isValid() || !m_model)
        return 0;
    for (const ClientSeries::Vendor &v : m_model->series().vendors) {
        const QPointF p = toPosition({xOf(d), double(m_model->countAt(v.id, d))});
        if (std::abs(p.y() - pos.y()) <= 6)
            return v.id;
    }
    return 0;
}

void ClientCountChart::placeAnnotations()
{
    if (!m_model || m_model->series().steps.isEmpty())
        return;
    // At the right end: "4 · Alibaba Cloud, Tencent Cloud" above each line, coinciding lines
    // named together.
    const ClientSeries &s = m_model->series();
    QMap<int, QStringList> byCount;
    for (int i = 0; i < s.vendors.size(); ++i) {
        const int n = s.steps.last().counts.value(i);
        if (n > 0)
            byCount[n] << s.vendors[i].name;
    }
    const double right = plotArea().right() - 6;
    for (auto it = byCount.constBegin(); it != byCount.constEnd(); ++it) {
        const QPointF p = toPosition({double(epochDay(s.to) + 1), double(it.key())});
        const QString text = QStringLiteral("%1 \u00B7 %2")
                                     .arg(it.key())
                                     .arg(it.value().join(QStringLiteral(", ")));
        QGraphicsSimpleTextItem *item = addAnnotation(text, kText, 12);
        const QRectF b = item->boundingRect();
        item->setPos(std::max(plotArea().left() + 4, right - b.width()), p.y() - b.height() - 5);
    }
}

QString ClientCountChart::figureTitle() const
{
    return m_options.figure.title.isEmpty() ? QStringLiteral("Clients per cloud vendor")
                                            : m_options.figure.title;
}

QString ClientCountChart::figureSubtitle() const
{
    if (!m_model)
        return {};
    const ClientSeries &s = m_model->series();
    QString basis;
    if (m_options.basis == ViewState::TimeBasis::Published)
        basis = QStringLiteral("counted from when each tie became public");
    else if (s.countedFromPublication > 0)
        basis = QStringLiteral("counted from when each tie began, or from its publication when the "
                               "start is unknown (%1 of %2)")
                        .arg(s.countedFromPublication)
                        .arg(s.countedFromPublication + s.countedFromStart);
    else
        basis = QStringLiteral("counted from when each tie began");
    const QString what = m_options.figure.subtitle.isEmpty()
                                 ? QStringLiteral("Hosting ties per vendor, %1").arg(basis)
                                 : m_options.figure.subtitle;
    return QStringLiteral("%1 \u00B7 cursor: %2").arg(what, cursorText());
}

QStringList ClientCountChart::footer() const
{
    QStringList lines;
    if (!m_model)
        return lines;
    const ClientSeries &s = m_model->series();
    lines << s.basisNote;
    if (!s.uncounted.isEmpty())
        lines << QStringLiteral("Not counted: %1.").arg(s.uncounted.join(QStringLiteral("; ")));
    QList<RowId> ties;
    for (const ClientSeries::Interval &i : s.intervals)
        ties << i.tieId;
    lines << sourcesLine(m_model->landscape(), ties);
    lines << QStringLiteral("Made with EcoAtlas.");
    return lines;
}

// ---------------------------------------------------------------------------------------------

EventChart::EventChart(EventModel *model, QGraphicsItem *parent)
    : TimelineChart(Kind::Events, parent)
    , m_model(model)
    , m_dates(new QCategoryAxis)
    , m_lanes(new QCategoryAxis)
{
    addAxis(m_dates, Qt::AlignBottom);
    addAxis(m_lanes, Qt::AlignLeft);
    m_lanes->setReverse(true);
    m_lanes->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    styleAxis(m_dates, QStringLiteral("Date"));
    styleAxis(m_lanes, QString());
    m_lanes->setShadesVisible(true); // every other lane lightly shaded
    m_lanes->setShadesBrush(QColor(0xF5, 0xF5, 0xF2));
    m_lanes->setShadesPen(Qt::NoPen);
    setupCursor(m_dates, m_lanes);
    auto *upper = new QLineSeries(this);
    auto *lower = new QLineSeries(this);
    m_selection = new QAreaSeries(upper, lower);
    m_selection->setBrush(QColor(0xF0, 0xE4, 0x42, 90));
    m_selection->setPen(Qt::NoPen);
    addSeries(m_selection);
    m_selection->attachAxis(m_dates);
    m_selection->attachAxis(m_lanes);
    hideFromLegend(m_selection);
    connect(model, &TimelineAggregateModel::rebuilt, this, &TimelineChart::refresh);
    m_options = model->options();
    refresh();
}

void EventChart::applyOptions(const TimelineOptions &options)
{
    if (m_model)
        m_model->setOptions(options);
}

void EventChart::reload()
{
    if (!m_model)
        return;
    for (QAbstractSeries *s : std::as_const(m_markSeries)) {
        removeSeries(s);
        delete s;
    }
    m_markSeries.clear();
    const EventLanes &lanes = m_model->lanes();

    // Lanes: one category per organization, as tall as its sub-lanes.
    for (const QString &label : m_lanes->categoriesLabels())
        m_lanes->remove(label);
    m_lanes->setStartValue(0);
    QSet<QString> used;
    for (int i = 0; i < lanes.organizations.size(); ++i) {
        QString label = chartText(lanes.names[i], 1000); // one line: a taller label is hidden
        while (used.contains(label))
            label += QChar(0x200B); // QCategoryAxis needs unique labels
        used.insert(label);
        const double bottom = i + 1 < lanes.laneTops.size() ? lanes.laneTops[i + 1] : lanes.rows;
        m_lanes->append(label, bottom);
    }
    // A little room above the first lane and below the last, so that their labels fit.
    m_lanes->setRange(-0.3, std::max(1.0, lanes.rows) + 0.3);
    TimeAxis::configure(m_dates, lanes.from, lanes.to, 12, 0.015);

    // Points for dates known to the day (one series per kind and evidence grade: filled for
    // reported, hollow for claimed, hollow and lighter for inferred), bars for fuzzy dates (one
    // series each: solid, dashed or dotted by grade).
    QStringList kinds = Vocabulary::tieKinds();
    kinds << QStringLiteral("figure");
    using Grade = EvidenceGrade;
    const Grade grades[] = {Grade::Reported, Grade::Claimed, Grade::Inferred};
    QHash<QString, QScatterSeries *> points[3]; // indexed by grade
    QSet<QString> present;
    bool anyGrade[3] = {false, false, false};
    for (const TimelineEvent &e : lanes.events) {
        present.insert(e.kind);
        anyGrade[int(e.grade)] = true;
    }
    auto attach = [this](QAbstractSeries *s, bool legend) {
        addSeries(s);
        s->attachAxis(m_dates);
        s->attachAxis(m_lanes);
        setLegendVisible(this, s, legend);
        m_markSeries << s;
    };
    auto gradeMark = [](QScatterSeries *series, const QColor &c, Grade g) {
        series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        series->setMarkerSize(11);
        if (g == Grade::Reported) {
            series->setColor(c);
            series->setBorderColor(Qt::white);
            return;
        }
        QColor ink = c;
        ink.setAlphaF(float(FigureStyle::evidenceOpacity(g)));
        series->setBrush(Qt::white);
        series->setPen(QPen(ink, 2.2, FigureStyle::evidencePenStyle(g)));
    };
    for (const QString &k : std::as_const(kinds)) {
        if (!present.contains(k))
            continue;
        const QColor c = TimelineColors::eventKind(k);
        for (Grade g : grades) {
            auto *series = new QScatterSeries;
            if (g == Grade::Reported)
                series->setName(k == QLatin1String("figure") ? QStringLiteral("Figure")
                                                             : Vocabulary::label(k));
            gradeMark(series, c, g);
            points[int(g)].insert(k, series);
        }
    }
    for (int row = 0; row < lanes.events.size(); ++row) {
        const TimelineEvent &e = lanes.events[row];
        const double start = double(epochDay(e.date.earliest()));
        const double end = double(epochDay(e.date.latest()) + 1);
        if (e.date.precision() == FuzzyDate::Precision::Day) {
            if (QScatterSeries *series = points[int(e.grade)].value(e.kind))
                series->append((start + end) / 2, e.y);
            continue;
        }
        auto *span = new QLineSeries;
        QColor ink = TimelineColors::eventKind(e.kind);
        ink.setAlphaF(float(FigureStyle::evidenceOpacity(e.grade)));
        QPen pen(ink, 8, FigureStyle::evidencePenStyle(e.grade), Qt::FlatCap);
        span->setPen(pen);
        span->append(start, e.y);
        span->append(end, e.y);
        attach(span, false);
    }
    for (const QString &k : std::as_const(kinds)) {
        if (!points[0].contains(k))
            continue;
        for (Grade g : grades)
            attach(points[int(g)].value(k), g == Grade::Reported);
    }
    // One legend entry per grade present beyond "reported" (named, as every legend does).
    for (Grade g : {Grade::Claimed, Grade::Inferred}) {
        if (!anyGrade[int(g)])
            continue;
        auto *legendOnly = new QScatterSeries;
        legendOnly->setName(
                g == Grade::Claimed
                        ? QStringLiteral("Claimed by one party (hollow mark, dashed bar)")
                        : QStringLiteral("Inferred by the editor (lighter hollow "
                                         "mark, dotted bar)"));
        gradeMark(legendOnly, QColor(0x55, 0x55, 0x55), g);
        attach(legendOnly, true);
    }
    if (m_options.mode == CursorMode::Compare) {
        // The one compare palette (FigureStyle::changeColor), as in the network and spheres.
        const std::pair<const char *, QColor> changes[] = {
                {"added", FigureStyle::changeColor(QStringLiteral("added"))},
                {"removed", FigureStyle::changeColor(QStringLiteral("removed"))},
                {"changed", FigureStyle::changeColor(QStringLiteral("changed"))}};
        for (const auto &[name, color] : changes) {
            auto *ring = new QScatterSeries;
            ring->setName(QStringLiteral("Tie %1 between A and B").arg(QLatin1String(name)));
            ring->setMarkerShape(QScatterSeries::MarkerShapeCircle);
            ring->setMarkerSize(22);
            ring->setBrush(Qt::NoBrush);
            ring->setPen(QPen(color, 3));
            for (const TimelineEvent &e : lanes.events)
                if (e.change == QLatin1String(name))
                    ring->append(double(epochDay(e.date.earliest()) + epochDay(e.date.latest()) + 1)
                                         / 2,
                                 e.y);
            attach(ring, ring->count() > 0);
        }
    }
    raiseCursor();
    updateSelection();
}

double EventChart::xOf(QDate date) const
{
    return double(epochDay(date)) + 0.5;
}

QDate EventChart::dateAtX(double x) const
{
    return dateOfEpochDay(qint64(std::floor(x)));
}

QPointF EventChart::markPosition(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return {};
    const TimelineEvent &e = m_model->event(row);
    const double mid = double(epochDay(e.date.earliest()) + epochDay(e.date.latest()) + 1) / 2;
    return toPosition({mid, e.y});
}

int EventChart::eventAt(const QPointF &pos) const
{
    if (!m_model || !plotArea().contains(pos))
        return -1;
    int best = -1;
    double bestDistance = std::numeric_limits<double>::max();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const TimelineEvent &e = m_model->event(row);
        const QPointF a = toPosition({double(epochDay(e.date.earliest())), e.y});
        const QPointF b = toPosition({double(epochDay(e.date.latest()) + 1), e.y});
        double d;
        if (e.date.precision() == FuzzyDate::Precision::Day) {
            d = distance(pos, (a + b) / 2);
            if (d > 8)
                continue;
        } else {
            if (pos.x() < a.x() - 3 || pos.x() > b.x() + 3 || std::abs(pos.y() - a.y()) > 6)
                continue;
            d = std::abs(pos.y() - a.y());
        }
        if (d < bestDistance) {
            bestDistance = d;
            best = row;
        }
    }
    return best;
}

QString EventChart::toolTipAt(const QPointF &pos) const
{
    const int row = eventAt(pos);
    return row >= 0 ? m_model->toolTip(row) : QString();
}

RowId EventChart::organizationAt(const QPointF &pos) const
{
    const int row = eventAt(pos);
    return row >= 0 ? m_model->event(row).organizationId : 0;
}

void EventChart::setSelectedOrganization(RowId id)
{
    m_selected = id;
    updateSelection();
}

void EventChart::updateSelection()
{
    if (!m_model || !m_selection)
        return;
    const EventLanes &lanes = m_model->lanes();
    // Nothing selected (0) must not pick the market-wide lane, whose organization id is 0.
    const int lane = m_selected ? int(lanes.organizations.indexOf(m_selected)) : -1;
    if (lane < 0) {
        m_selection->setVisible(false);
        return;
    }
    const double top = lanes.laneTops[lane];
    const double bottom = lane + 1 < lanes.laneTops.size() ? lanes.laneTops[lane + 1] : lanes.rows;
    const double x0 = double(epochDay(lanes.from));
    const double x1 = double(epochDay(lanes.to) + 1);
    m_selection->upperSeries()->replace(QList<QPointF>{{x0, top}, {x1, top}});
    m_selection->lowerSeries()->replace(QList<QPointF>{{x0, bottom}, {x1, bottom}});
    m_selection->setVisible(true);
    hideFromLegend(m_selection);
}

void EventChart::placeAnnotations() {}

QString EventChart::figureTitle() const
{
    return m_options.figure.title.isEmpty() ? QStringLiteral("Events by organization")
                                            : m_options.figure.title;
}

QString EventChart::figureSubtitle() const
{
    const QString what = m_options.figure.subtitle.isEmpty()
                                 ? QStringLiteral("Every dated tie, figure and claim, one lane per "
                                                  "organization; ties "
                                                  "placed by their %1")
                                           .arg(m_options.basis == ViewState::TimeBasis::Began
                                                        ? QStringLiteral("start date")
                                                        : QStringLiteral("publication date"))
                                 : m_options.figure.subtitle;
    return QStringLiteral("%1 \u00B7 cursor: %2").arg(what, cursorText());
}

QStringList EventChart::footer() const
{
    QStringList lines;
    if (!m_model)
        return lines;
    const EventLanes &lanes = m_model->lanes();
    lines << QStringLiteral("How to read: a dot is a date known to the day; a bar spans every day "
                            "a fuzzy date could be (\u201Clate Oct 2023\u201D = 21\u201331 Oct, "
                            "\u201C2023\u201D = the whole year). Hollow dots and dashed bars are "
                            "claims, attributed to who makes them; lighter hollow dots and dotted "
                            "bars are the editor's inferences. A tie shows in the lanes of both "
                            "its organizations; statements about the market as a whole have a "
                            "lane of their own.");
    // How many of the items shown have each grade (one count per tie or figure, not per mark).
    {
        QSet<RowId> seenTies;
        QSet<RowId> seenFigures;
        FigureStyle::EvidenceCounts counts;
        for (const TimelineEvent &e : lanes.events) {
            if ((e.tieId && !seenTies.contains(e.tieId))
                || (e.figureId && !seenFigures.contains(e.figureId)))
                counts.add(e.grade);
            if (e.tieId)
                seenTies.insert(e.tieId);
            if (e.figureId)
                seenFigures.insert(e.figureId);
        }
        lines << counts.footerLine(QStringLiteral("items"));
    }
    QStringList left;
    if (lanes.undatedTies)
        left << QStringLiteral("%1 tie(s) without a %2")
                        .arg(lanes.undatedTies)
                        .arg(m_options.basis == ViewState::TimeBasis::Began
                                     ? QStringLiteral("start date")
                                     : QStringLiteral("dated source"));
    if (lanes.undatedFigures)
        left << QStringLiteral("%1 figure(s) without a date").arg(lanes.undatedFigures);
    if (lanes.outsideRange)
        left << QStringLiteral("%1 outside the dates shown").arg(lanes.outsideRange);
    if (!left.isEmpty())
        lines << QStringLiteral("Not shown: %1.").arg(left.join(QStringLiteral("; ")));
    QList<RowId> ties;
    QList<RowId> figures;
    for (const TimelineEvent &e : lanes.events) {
        if (e.tieId)
            ties << e.tieId;
        if (e.figureId)
            figures << e.figureId;
    }
    lines << sourcesLine(m_model->landscape(), ties, figures);
    lines << QStringLiteral("Made with EcoAtlas.");
    return lines;
}

QSizeF EventChart::naturalSize() const
{
    const double rows = m_model ? m_model->lanes().rows : 10;
    return {1400, std::max(700.0, 420.0 + rows * 24.0)};
}

} // namespace EcoAtlas
