// SPDX-License-Identifier: MIT
#include "TimelineModels.h"

#include "FigureStyle.h"
#include "LandscapeDocument.h"
#include "LandscapeTableModels.h"

#include <cmath>

namespace EcoAtlas {

using namespace TimelineAggregation;

namespace {

const Landscape &emptyLandscape()
{
    static const Landscape empty;
    return empty;
}

QVariant idList(const QList<RowId> &ids)
{
    QList<qint64> out(ids.begin(), ids.end());
    return QVariant::fromValue(out);
}

/// Whether two option sets give the same data when the cursor is ignored.
bool sameIgnoringCursor(const TimelineOptions &a, const TimelineOptions &b)
{
    return a.from == b.from && a.to == b.to && a.currency == b.currency
           && a.granularity == b.granularity && a.stacking == b.stacking
           && a.chipMeasure == b.chipMeasure && a.basis == b.basis
           && a.figure.labels == b.figure.labels;
}

bool sameCursor(const TimelineOptions &a, const TimelineOptions &b)
{
    return a.figure.asOf == b.figure.asOf && a.mode == b.mode && a.compareFrom == b.compareFrom;
}

} // namespace

// ---------------------------------------------------------------------------------------------

QColor TimelineColors::stack(int index)
{
    static const QColor colors[] = {QColor(0x00, 0x72, 0xB2),
                                    QColor(0xE6, 0x9F, 0x00),
                                    QColor(0x00, 0x9E, 0x73),
                                    QColor(0xCC, 0x79, 0xA7),
                                    QColor(0x56, 0xB4, 0xE9),
                                    QColor(0xD5, 0x5E, 0x00),
                                    QColor(0x8C, 0x56, 0x4B),
                                    QColor(0x17, 0xBE, 0xCF),
                                    QColor(0xBC, 0xBD, 0x22),
                                    QColor(0x7F, 0x7F, 0x7F),
                                    QColor(0x94, 0x67, 0xBD),
                                    QColor(0x2C, 0x3E, 0x50)};
    const int n = int(std::size(colors));
    return colors[((index % n) + n) % n];
}

QColor TimelineColors::status(const QString &status, int shade)
{
    QColor c(0x99, 0x99, 0x99);
    if (status == QLatin1String("delivered"))
        c = QColor(0x00, 0x9E, 0x73);
    else if (status == QLatin1String("ordered"))
        c = QColor(0x00, 0x72, 0xB2);
    else if (status == QLatin1String("at_risk"))
        c = QColor(0xE6, 0x9F, 0x00);
    else if (status == QLatin1String("cancelled"))
        c = QColor(0xD5, 0x5E, 0x00);
    return shade > 0 ? c.lighter(100 + 25 * std::min(shade, 4)) : c;
}

QColor TimelineColors::eventKind(const QString &kind)
{
    if (kind == QLatin1String("figure"))
        return QColor(0xB0, 0x8A, 0x00);
    return FigureStyle::tieKindColor(kind);
}

// ---------------------------------------------------------------------------------------------

TimelineAggregateModel::TimelineAggregateModel(LandscapeDocument *document,
                                               QAbstractItemModel *ties,
                                               QAbstractItemModel *figures,
                                               QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_ties(ties)
    , m_figures(figures)
{
    watch(ties);
    watch(figures);
}

void TimelineAggregateModel::watch(QAbstractItemModel *model)
{
    if (!model)
        return;
    auto again = [this] {
        rebuild();
    };
    connect(model, &QAbstractItemModel::dataChanged, this, again);
    connect(model, &QAbstractItemModel::rowsInserted, this, again);
    connect(model, &QAbstractItemModel::rowsRemoved, this, again);
    connect(model, &QAbstractItemModel::rowsMoved, this, again);
    connect(model, &QAbstractItemModel::modelReset, this, again);
    connect(model, &QAbstractItemModel::layoutChanged, this, again);
}

void TimelineAggregateModel::setOptions(const TimelineOptions &options)
{
    const TimelineOptions old = m_options;
    m_options = options;
    const bool cursorMatters = usesCursor(old) || usesCursor(options);
    if (sameIgnoringCursor(old, options) && (!cursorMatters || sameCursor(old, options)))
        return;
    rebuild();
}

const Landscape &TimelineAggregateModel::landscape() const
{
    return m_document ? m_document->landscape() : emptyLandscape();
}

void TimelineAggregateModel::rebuild()
{
    aggregate();
    emit rebuilt();
}

void TimelineAggregateModel::replace(bool sameShape, const std::function<void()> &assign)
{
    if (!sameShape) {
        beginResetModel();
        assign();
        endResetModel();
        return;
    }
    // Only the cells whose value changed: QBarModelMapper lays the whole chart out again for
    // every cell a dataChanged covers, so a whole-table signal costs cells × bars (minutes
    // under the sanitizers after one edit); an edit changes a few cells.
    const int rows = rowCount();
    const int columns = columnCount();
    auto cell = [this](int r, int c) {
        const QModelIndex i = index(r, c);
        return std::pair{data(i, Qt::DisplayRole), data(i, Qt::ToolTipRole)};
    };
    QList<std::pair<QVariant, QVariant>> before;
    before.reserve(qsizetype(rows) * columns);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            before.append(cell(r, c));
    assign();
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            if (cell(r, c) != before.at(qsizetype(r) * columns + c))
                emit dataChanged(index(r, c), index(r, c));
    if (columns > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columns - 1);
    if (rows > 0)
        emit headerDataChanged(Qt::Vertical, 0, rows - 1);
}

QList<RowId> TimelineAggregateModel::tieIds() const
{
    return m_ties ? idsOf(*m_ties) : QList<RowId>();
}

QList<RowId> TimelineAggregateModel::figureIds() const
{
    return m_figures ? idsOf(*m_figures) : QList<RowId>();
}

// ---------------------------------------------------------------------------------------------

UndisclosedMarkerModel::UndisclosedMarkerModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int UndisclosedMarkerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_markers.size());
}

int UndisclosedMarkerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UndisclosedMarkerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UndisclosedMarker &m = m_markers[index.row()];
    if (role == TimelineRole::TieIds)
        return idList(m.tieIds);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case X:
        return m_x[index.row()];
    case Y:
        return m_y;
    case Text:
        return m.text;
    }
    return {};
}

QVariant UndisclosedMarkerModel::headerData(int section,
                                            Qt::Orientation orientation,
                                            int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        switch (section) {
        case X:
            return tr("Position");
        case Y:
            return tr("Height");
        case Text:
            return tr("Undisclosed amount");
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void UndisclosedMarkerModel::setMarkers(const QList<UndisclosedMarker> &markers, double y)
{
    beginResetModel();
    m_markers = markers;
    m_y = y;
    m_x.clear();
    QHash<int, int> perRow;
    for (const UndisclosedMarker &m : markers)
        ++perRow[m.row];
    QHash<int, int> seen;
    for (const UndisclosedMarker &m : markers) {
        const int n = perRow[m.row];
        const int k = seen[m.row]++;
        // Spread the markers of one period across the middle 60 % of its slot.
        m_x << m.row - 0.3 + 0.6 * (k + 0.5) / n;
    }
    endResetModel();
}

double UndisclosedMarkerModel::x(int row) const
{
    return row >= 0 && row < m_x.size() ? m_x[row] : 0.0;
}

// ---------------------------------------------------------------------------------------------

PeriodSeriesModel::PeriodSeriesModel(LandscapeDocument *document,
                                     QAbstractItemModel *ties,
                                     QObject *parent)
    : TimelineAggregateModel(document, ties, nullptr, parent)
    , m_markers(new UndisclosedMarkerModel(this))
{}

int PeriodSeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_series.grid.size();
}

int PeriodSeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_series.columns.size());
}

QVariant PeriodSeriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const double v = m_series.values[index.row()][index.column()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return v / m_scale;
    case TimelineRole::Value:
        return v;
    case Qt::ToolTipRole:
        return cellTexts(index.row(), index.column()).join(QLatin1Char('\n'));
    case TimelineRole::TieIds: {
        QList<RowId> ids;
        for (const Contribution &c : m_series.contributions)
            if (c.row == index.row() && c.column == index.column())
                ids += c.tieIds;
        return idList(ids);
    }
    }
    return {};
}

QVariant PeriodSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_series.grid.size())
            return m_series.grid.periods()[section].label;
        return {};
    }
    if (section < 0 || section >= m_series.columns.size())
        return {};
    const StackColumn &c = m_series.columns[section];
    switch (role) {
    case Qt::DisplayRole:
        return c.label;
    case Qt::DecorationRole:
        return c.status.isEmpty() ? TimelineColors::stack(c.colorIndex)
                                  : TimelineColors::status(c.status, c.colorIndex);
    case TimelineRole::Bound:
        return int(c.bound);
    case TimelineRole::Status:
        return c.status;
    case TimelineRole::Key:
        return c.key;
    case TimelineRole::OrganizationId:
        return c.organizationId;
    }
    return {};
}

QString PeriodSeriesModel::unitLabel() const
{
    const QString &word = m_scaleWord;
    return word.isEmpty() ? m_series.unit : QStringLiteral("%1 %2").arg(word, m_series.unit);
}

QString PeriodSeriesModel::segmentLabel(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    const double v = m_series.values[row][column] / m_scale;
    if (v == 0)
        return {};
    // The qualifier of the cell: its contributions share the column's bound; "about" shows
    // when any contribution is approximate.
    QString word;
    for (const Contribution &c : m_series.contributions) {
        if (c.row == row && c.column == column && !boundWord(c.qualifier).isEmpty()) {
            word = boundWord(c.qualifier);
            if (c.qualifier != Amount::Qualifier::About)
                break;
        }
    }
    const QString number = QLocale(QLocale::English).toString(v, 'g', 4);
    return word.isEmpty() ? number : QStringLiteral("%1 %2").arg(word, number);
}

void PeriodSeriesModel::aggregate()
{
    StackedSeries s = compute();
    double maxTotal = 0;
    for (int r = 0; r < s.grid.size(); ++r)
        maxTotal = std::max(maxTotal, s.rowTotal(r));
    const auto [scale, scaleWord] = scaleFor(maxTotal);
    // Headroom above the tallest bar for its labels.
    const auto [axisMax, ticks] = niceAxis(maxTotal / scale * 1.08);
    bool sameShape = s.grid.size() == m_series.grid.size()
                     && s.columns.size() == m_series.columns.size();
    for (int c = 0; sameShape && c < s.columns.size(); ++c)
        sameShape = s.columns[c].key == m_series.columns[c].key;
    replace(sameShape, [&] {
        m_series = std::move(s);
        m_scale = scale;
        m_scaleWord = scaleWord;
        m_axisMax = axisMax;
        m_ticks = ticks;
    });
    m_markers->setMarkers(m_series.undisclosed, m_axisMax * 0.04);
}

InvestmentSeriesModel::InvestmentSeriesModel(LandscapeDocument *document,
                                             QAbstractItemModel *ties,
                                             QObject *parent)
    : PeriodSeriesModel(document, ties, parent)
{
    rebuild();
}

StackedSeries InvestmentSeriesModel::compute() const
{
    return investments(landscape(), tieIds(), options());
}

ChipOrderSeriesModel::ChipOrderSeriesModel(LandscapeDocument *document,
                                           QAbstractItemModel *ties,
                                           QObject *parent)
    : PeriodSeriesModel(document, ties, parent)
{
    rebuild();
}

StackedSeries ChipOrderSeriesModel::compute() const
{
    return chipOrders(landscape(), tieIds(), options());
}

// ---------------------------------------------------------------------------------------------

ClientCountModel::ClientCountModel(LandscapeDocument *document,
                                   QAbstractItemModel *ties,
                                   QObject *parent)
    : TimelineAggregateModel(document, ties, nullptr, parent)
{
    rebuild();
}

int ClientCountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_corners.size());
}

int ClientCountModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + int(m_series.vendors.size());
}

QVariant ClientCountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Corner &c = m_corners[index.row()];
    if (role == TimelineRole::Date)
        return c.date;
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != TimelineRole::Value)
        return {};
    if (index.column() == 0)
        return double(c.x);
    return c.counts.value(index.column() - 1);
}

QVariant ClientCountModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_corners.size())
            return m_corners[section].date.toString(Qt::ISODate);
        return {};
    }
    if (section == 0)
        return role == Qt::DisplayRole ? QVariant(tr("Day")) : QVariant();
    if (section < 1 || section > m_series.vendors.size())
        return {};
    const ClientSeries::Vendor &v = m_series.vendors[section - 1];
    switch (role) {
    case Qt::DisplayRole:
        return v.name;
    case Qt::DecorationRole:
        return TimelineColors::stack(section - 1);
    case TimelineRole::OrganizationId:
        return v.id;
    }
    return {};
}

int ClientCountModel::maxCount() const
{
    int m = 0;
    for (const ClientSeries::Step &s : m_series.steps)
        for (int c : s.counts)
            m = std::max(m, c);
    return m;
}

void ClientCountModel::aggregate()
{
    ClientSeries s = clientCounts(landscape(), tieIds(), options());
    QList<Corner> corners;
    for (int i = 0; i < s.steps.size(); ++i) {
        const ClientSeries::Step &step = s.steps[i];
        const qint64 x = epochDay(step.date);
        if (i > 0)
            corners.append({step.date, x, s.steps[i - 1].counts});
        corners.append({step.date, x, step.counts});
    }
    if (!s.steps.isEmpty())
        corners.append({s.to, epochDay(s.to) + 1, s.steps.last().counts});
    bool sameShape = corners.size() == m_corners.size()
                     && s.vendors.size() == m_series.vendors.size();
    for (int v = 0; sameShape && v < s.vendors.size(); ++v)
        sameShape = s.vendors[v].id == m_series.vendors[v].id;
    replace(sameShape, [&] {
        m_series = std::move(s);
        m_corners = std::move(corners);
    });
}

// ---------------------------------------------------------------------------------------------

EventModel::EventModel(LandscapeDocument *document,
                       QAbstractItemModel *ties,
                       QAbstractItemModel *figures,
                       QObject *parent)
    : TimelineAggregateModel(document, ties, figures, parent)
{
    rebuild();
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lanes.events.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineEvent &e = m_lanes.events[index.row()];
    switch (role) {
    case TimelineRole::OrganizationId:
        return e.organizationId;
    case TimelineRole::TieIds:
        return idList(e.tieId ? QList<RowId>{e.tieId} : QList<RowId>());
    case TimelineRole::Date:
        return e.date.toString();
    case Qt::ToolTipRole:
        return toolTip(index.row());
    case Qt::DisplayRole:
    case Qt::EditRole:
        break;
    default:
        return {};
    }
    const double start = double(epochDay(e.date.earliest()));
    const double end = double(epochDay(e.date.latest()) + 1);
    switch (index.column()) {
    case Start:
        return start;
    case End:
        return end;
    case Mid:
        return (start + end) / 2;
    case Y:
        return e.y;
    case Lane:
        return e.lane;
    case Kind:
        return e.kind;
    case Grade:
        return evidenceGradeName(e.grade);
    case Change:
        return e.change;
    case Summary:
        return e.summary;
    }
    return {};
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Start:
        return tr("First day");
    case End:
        return tr("Day after the last");
    case Mid:
        return tr("Middle");
    case Y:
        return tr("Row");
    case Lane:
        return tr("Lane");
    case Kind:
        return tr("Kind");
    case Grade:
        return tr("Evidence");
    case Change:
        return tr("Change");
    case Summary:
        return tr("Summary");
    }
    return {};
}

QString EventModel::toolTip(int row) const
{
    if (row < 0 || row >= m_lanes.events.size())
        return {};
    return m_lanes.events[row].toolTip(landscape(), options().figure);
}

bool EventModel::usesCursor(const TimelineOptions &options) const
{
    return options.mode != CursorMode::AsOf;
}

void EventModel::aggregate()
{
    EventLanes lanes = events(landscape(), tieIds(), figureIds(), options());
    const bool sameShape = lanes.events.size() == m_lanes.events.size();
    replace(sameShape, [&] { m_lanes = std::move(lanes); });
}

} // namespace EcoAtlas
