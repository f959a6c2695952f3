// SPDX-License-Identifier: MIT
#include "NetworkDiagramModel.h"

#include "ForceLayout.h"
#include "LandscapeDocument.h"
#include "LandscapeStore.h"
#include "LandscapeTableModels.h"

#include <QElapsedTimer>
#include <QLineF>

#include <cmath>
#include <limits>

namespace EcoAtlas {

namespace {
QString nodeKey(const NetworkNode &n)
{
    if (n.organizationId)
        return QStringLiteral("o%1").arg(n.organizationId);
    return n.sectorId ? QStringLiteral("s%1").arg(n.sectorId)
                      : QStringLiteral("p%1").arg(n.productId);
}
} // namespace

NetworkDiagramModel::NetworkDiagramModel(LandscapeDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_orgModel(new OrganizationModel(document, this))
    , m_tieModel(new TieModel(document, this))
    , m_orgFilter(new OrganizationFilterModel(&document->landscape(), this))
    , m_tieFilter(new TieFilterModel(&document->landscape(), this))
{
    m_orgFilter->setSourceModel(m_orgModel);
    m_tieFilter->setSourceModel(m_tieModel);
    auto reload = [this] {
        m_known.clear();
        m_pinned.clear();
        if (Database *db = m_document->database()) {
            const auto stored = LandscapeStore::loadPositions(
                    *db, QString::fromLatin1(kViewName), nullptr);
            for (auto it = stored.constBegin(); it != stored.constEnd(); ++it) {
                m_known.insert(QStringLiteral("o%1").arg(it.key()), it->pos);
                m_pinned.insert(QStringLiteral("o%1").arg(it.key()), it->pinned);
            }
        }
        m_orgFilter->setLandscape(&m_document->landscape());
        m_tieFilter->setLandscape(&m_document->landscape());
        rebuild();
    };
    connect(document, &LandscapeDocument::landscapeReset, this, reload);
    // An edit keeps every known position: only new nodes are placed.
    connect(document, &LandscapeDocument::landscapeChanged, this, [this] {
        m_orgFilter->setLandscape(&m_document->landscape());
        m_tieFilter->setLandscape(&m_document->landscape());
        rebuild();
    });
    for (QAbstractItemModel *m : {static_cast<QAbstractItemModel *>(m_orgFilter),
                                  static_cast<QAbstractItemModel *>(m_tieFilter)}) {
        connect(m, &QAbstractItemModel::rowsInserted, this, &NetworkDiagramModel::rebuild);
        connect(m, &QAbstractItemModel::rowsRemoved, this, &NetworkDiagramModel::rebuild);
        connect(m, &QAbstractItemModel::layoutChanged, this, &NetworkDiagramModel::rebuild);
    }
    reload();
}

const Landscape &NetworkDiagramModel::landscape() const
{
    return m_document->landscape();
}

bool NetworkDiagramModel::isPinned(int index) const
{
    return index >= 0 && index < m_graph.nodes.size()
           && m_pinned.value(nodeKey(m_graph.nodes[index]), false);
}

void NetworkDiagramModel::setSizeMeasure(SizeMeasure measure)
{
    if (measure == m_measure)
        return;
    m_measure = measure;
    rebuild();
}

void NetworkDiagramModel::setGroupSubsidiaries(bool on)
{
    if (on == m_group)
        return;
    m_group = on;
    rebuild();
    relayout(); // grouping only shows once the layout pulls the groups together
}

void NetworkDiagramModel::rebuild()
{
    m_graph = NetworkGraph::build(landscape(), *m_orgFilter, *m_tieFilter, m_measure, m_group);
    layoutMissing(false);
    emit graphChanged();
}

void NetworkDiagramModel::layoutMissing(bool fresh)
{
    const int n = int(m_graph.nodes.size());
    LayoutGraph lg;
    lg.radii.reserve(n);
    for (const NetworkNode &node : m_graph.nodes) {
        lg.radii.append(node.radius);
        lg.groups.append(node.group);
    }
    for (const NetworkEdge &e : m_graph.edges)
        lg.edges.append({e.from, e.to, 1.0});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QList<QPointF> initial(n, QPointF(nan, nan));
    QList<bool> pinned(n, false);
    bool anyMissing = false;
    for (int i = 0; i < n; ++i) {
        const QString key = nodeKey(m_graph.nodes[i]);
        const bool userPinned = m_pinned.value(key, false);
        if (m_known.contains(key) && (!fresh || userPinned)) {
            initial[i] = m_known.value(key);
            // Stepping through time: nodes that stay, stay put; only new ones are placed.
            pinned[i] = userPinned || !fresh;
        } else {
            anyMissing = true;
        }
    }
    if (anyMissing || fresh) {
        QElapsedTimer timer;
        timer.start();
        ForceLayout::Options options;
        options.idealEdgeLength = 110; // room for bilingual labels between neighbours
        options.gap = 14;
        // Grouping subsidiaries has to show: pull members to their group's centre firmly.
        options.groupAttraction = m_group ? 3.0 : 0.5;
        ForceLayout layout(options);
        m_positions = layout.run(lg, initial, pinned);
        m_lastLayoutMs = timer.nsecsElapsed() / 1e6;
        for (int i = 0; i < n; ++i)
            m_known.insert(nodeKey(m_graph.nodes[i]), m_positions[i]);
        store();
    } else {
        m_positions = initial;
    }
}

double NetworkDiagramModel::relayout()
{
    const QList<QPointF> before = m_positions;
    layoutMissing(true);
    double moved = 0;
    for (int i = 0; i < m_positions.size() && i < before.size(); ++i)
        moved = std::max(moved, QLineF(before[i], m_positions[i]).length());
    emit positionsChanged();
    emit layoutReplaced();
    return moved;
}

void NetworkDiagramModel::restorePositions(const QHash<QString, QPointF> &positions)
{
    m_known = positions;
    for (int i = 0; i < m_graph.nodes.size() && i < m_positions.size(); ++i) {
        const QString key = nodeKey(m_graph.nodes[i]);
        if (m_known.contains(key))
            m_positions[i] = m_known.value(key);
    }
    store();
    emit positionsChanged();
    emit layoutReplaced();
}

void NetworkDiagramModel::setNodePosition(int index, const QPointF &pos, bool pinned)
{
    if (index < 0 || index >= m_graph.nodes.size())
        return;
    const QString key = nodeKey(m_graph.nodes[index]);
    m_positions[index] = pos;
    m_known.insert(key, pos);
    m_pinned.insert(key, pinned);
    store();
    emit positionsChanged();
}

std::optional<std::pair<QPointF, bool>> NetworkDiagramModel::organizationPosition(RowId id) const
{
    const QString key = QStringLiteral("o%1").arg(id);
    if (!m_known.contains(key))
        return std::nullopt;
    return std::make_pair(m_known.value(key), m_pinned.value(key, false));
}

void NetworkDiagramModel::setOrganizationPosition(RowId id, const QPointF &pos, bool pinned)
{
    const int index = m_graph.indexOfOrganization(id);
    if (index >= 0) {
        setNodePosition(index, pos, pinned);
        return;
    }
    const QString key = QStringLiteral("o%1").arg(id);
    m_known.insert(key, pos);
    m_pinned.insert(key, pinned);
    store();
}

void NetworkDiagramModel::store()
{
    Database *db = m_document->database();
    if (!db || db->isReadOnly())
        return;
    QHash<RowId, LandscapeStore::NodePosition> out;
    for (auto it = m_known.constBegin(); it != m_known.constEnd(); ++it) {
        if (!it.key().startsWith(QLatin1Char('o')))
            continue;
        const RowId id = it.key().mid(1).toLongLong();
        if (landscape().organization(id))
            out.insert(id, {*it, m_pinned.value(it.key(), false)});
    }
    QString error;
    if (!LandscapeStore::savePositions(*db, QString::fromLatin1(kViewName), out, &error))
        qWarning("EcoAtlas: could not store node positions: %s", qPrintable(error));
}

// ---------------------------------------------------------------------------------------------

MoveNodeCommand::MoveNodeCommand(NetworkDiagramModel *model,
                                 RowId organizationId,
                                 QPointF from,
                                 bool wasPinned,
                                 QPointF to,
                                 bool pinned,
                                 QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_model(model)
    , m_id(organizationId)
    , m_from(from)
    , m_wasPinned(wasPinned)
    , m_to(to)
    , m_pinned(pinned)
{
    const Organization *o = model->landscape().organization(organizationId);
    setText(QObject::tr("Move %1").arg(o ? o->nameEn : QObject::tr("node")));
}

void MoveNodeCommand::undo()
{
    m_model->setOrganizationPosition(m_id, m_from, m_wasPinned);
}

void MoveNodeCommand::redo()
{
    m_model->setOrganizationPosition(m_id, m_to, m_pinned);
}

RelayoutCommand::RelayoutCommand(NetworkDiagramModel *model,
                                 QHash<QString, QPointF> before,
                                 QHash<QString, QPointF> after,
                                 QUndoCommand *parent)
    : QUndoCommand(QObject::tr("Re-layout"), parent)
    , m_model(model)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

void RelayoutCommand::undo()
{
    m_model->restorePositions(m_before);
}

void RelayoutCommand::redo()
{
    m_model->restorePositions(m_after);
}

bool MoveNodeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const MoveNodeCommand *>(other);
    if (o->m_id != m_id)
        return false;
    m_to = o->m_to;
    m_pinned = o->m_pinned;
    return true;
}

} // namespace EcoAtlas
