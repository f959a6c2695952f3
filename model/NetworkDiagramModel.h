// SPDX-License-Identifier: MIT
#pragma once

#include "NetworkGraph.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QUndoCommand>

namespace EcoAtlas {

class LandscapeDocument;
class OrganizationModel;
class TieModel;

/// The network diagram without a view: the filter models (tie kinds, roles, group, as-of date),
/// the graph built from them, and where every node sits. Positions are kept by organization
/// id, stored in the database (view "network") when the document is writable, and reused, so
/// the diagram opens as it was left and stepping through time does not move nodes that stay:
/// only nodes new to the graph are laid out, next to their neighbours (ForceLayout, seed 1).
/// Dragging a node pins it; relayout() lays everything out afresh around the pinned nodes.
class NetworkDiagramModel : public QObject
{
    Q_OBJECT
public:
    /// The name positions are stored under in the database.
    static constexpr const char *kViewName = "network";

    explicit NetworkDiagramModel(LandscapeDocument *document, QObject *parent = nullptr);

    const NetworkGraph &graph() const { return m_graph; }
    /// One position per node of graph(), graph-space pixels.
    const QList<QPointF> &positions() const { return m_positions; }
    /// Whether node `index` is pinned.
    bool isPinned(int index) const;
    const Landscape &landscape() const;

    TieFilterModel *tieFilter() const { return m_tieFilter; }
    OrganizationFilterModel *organizationFilter() const { return m_orgFilter; }

    SizeMeasure sizeMeasure() const { return m_measure; }
    void setSizeMeasure(SizeMeasure measure);
    bool groupSubsidiaries() const { return m_group; }
    /// Keeps parents and subsidiaries together; lays the diagram out again (pinned nodes stay).
    void setGroupSubsidiaries(bool on);

    /// Moves node `index` to `pos` (graph space) and pins it (or unpins with pinned=false);
    /// stores positions. Emits positionsChanged.
    void setNodePosition(int index, const QPointF &pos, bool pinned);
    /// Position and pin state of organization `id`, if it has one.
    std::optional<std::pair<QPointF, bool>> organizationPosition(RowId id) const;
    /// Moves organization `id` (used by undo, which keys by id, not by index).
    void setOrganizationPosition(RowId id, const QPointF &pos, bool pinned);

    /// Lays out every node afresh, keeping pinned nodes where they are. Returns how far the
    /// node that moved most moved (graph-space pixels; 0 when the layout was already fresh).
    double relayout();
    /// Every known position by node key ("o<id>", "p<id>", "s<id>"), including nodes the
    /// filters hide now: what RelayoutCommand saves and restores.
    QHash<QString, QPointF> knownPositions() const { return m_known; }
    /// Puts back positions saved with knownPositions() (pins unchanged), stores them and emits
    /// positionsChanged() and layoutReplaced().
    void restorePositions(const QHash<QString, QPointF> &positions);
    /// Last layout time in milliseconds (for the status bar and benchmarks).
    double lastLayoutMs() const { return m_lastLayoutMs; }

signals:
    /// The graph changed (filters, document): nodes and edges may differ; positions too.
    void graphChanged();
    /// Only positions changed.
    void positionsChanged();
    /// The whole layout was replaced (re-layout, or its undo/redo): views fit it anew.
    void layoutReplaced();

private:
    void rebuild();
    void layoutMissing(bool fresh);
    void store();

    LandscapeDocument *m_document;
    OrganizationModel *m_orgModel;
    TieModel *m_tieModel;
    OrganizationFilterModel *m_orgFilter;
    TieFilterModel *m_tieFilter;
    SizeMeasure m_measure = SizeMeasure::Degree;
    bool m_group = false;
    NetworkGraph m_graph;
    QList<QPointF> m_positions;
    QHash<QString, QPointF> m_known; ///< by node key ("o<id>" / "p<id>")
    QHash<QString, bool> m_pinned;
    double m_lastLayoutMs = 0;
};

/// Undoable move of one node (by organization id), merged with the next move of the same node
/// while the user keeps dragging it (QUndoCommand::mergeWith).
class MoveNodeCommand : public QUndoCommand
{
public:
    MoveNodeCommand(NetworkDiagramModel *model,
                    RowId organizationId,
                    QPointF from,
                    bool wasPinned,
                    QPointF to,
                    bool pinned,
                    QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override { return 0x4e4f; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    NetworkDiagramModel *m_model;
    RowId m_id;
    QPointF m_from;
    bool m_wasPinned;
    QPointF m_to;
    bool m_pinned;
};

/// Undoable re-layout: swaps the positions before and after NetworkDiagramModel::relayout().
class RelayoutCommand : public QUndoCommand
{
public:
    /// `before` and `after`: NetworkDiagramModel::knownPositions() around the re-layout.
    RelayoutCommand(NetworkDiagramModel *model,
                    QHash<QString, QPointF> before,
                    QHash<QString, QPointF> after,
                    QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    NetworkDiagramModel *m_model;
    QHash<QString, QPointF> m_before;
    QHash<QString, QPointF> m_after;
};

} // namespace EcoAtlas
