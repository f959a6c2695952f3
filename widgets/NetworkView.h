// SPDX-License-Identifier: MIT
#pragma once

#include "FigureOptions.h"
#include "NetworkDiagramModel.h"
#include "ZoomPanWidget.h"

#include <QTransform>
#include <QWidget>

#include <memory>

class QUndoStack;

namespace EcoAtlas {

class NetworkFigure;
class ViewState;

/// The interactive network diagram. It draws NetworkFigure — the same paint routine as the
/// exports — over a NetworkDiagramModel, and adds navigation: wheel zoom around the cursor,
/// drag the background to pan, drag a node to move and pin it (undoable), double-click or
/// Ctrl+0 to fit, +/- to zoom, arrow keys to pan, Esc to clear the selection. Hover shows a
/// plain-text tooltip; a click selects the organization in the shared ViewState, which
/// highlights its neighbours and fades the rest. Right-click asks for a context menu
/// (contextMenuRequested); Shift-drag from one node to another draws a rubber line and asks
/// for a tie between them (tieDrawn).
class NetworkView : public ZoomPanWidget
{
    Q_OBJECT
public:
    NetworkView(NetworkDiagramModel *model,
                ViewState *state,
                QUndoStack *undo,
                QWidget *parent = nullptr);
    ~NetworkView() override;

    /// Figure options (labels language, title, subtitle); the as-of date comes from ViewState.
    void setFigureOptions(const FigureOptions &options);
    FigureOptions figureOptions() const;
    /// The figure as currently drawn (for export and tests).
    const NetworkFigure &figure() const;

    /// Ties to mark in compare mode (see NetworkFigure::setChanges); empty sets: no marks.
    void setChanges(const QSet<RowId> &added,
                    const QSet<RowId> &removed,
                    const QSet<RowId> &changed,
                    QDate from);

    /// The tooltip shown for node `index`: the figure's plain text, escaped for display, so a
    /// name such as "<b>x</b>" shows literally.
    QString toolTipHtml(int index) const;

    /// The sentence drawn instead of the figure while the graph has no nodes (why it is empty);
    /// empty: draw the figure.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }

public slots:
    /// Centres on organization `id` and selects it.
    void centreOn(qint64 organizationId);

signals:
    /// Right-click on organization `organizationId` (0: on the background) at `globalPos`.
    void contextMenuRequested(qint64 organizationId, const QPoint &globalPos);
    /// Shift-drag from organization `fromId` released on organization `toId`.
    void tieDrawn(qint64 fromId, qint64 toId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void clearSelection() override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    void rebuildFigure();
    QTransform graphToWidget() const;

    NetworkDiagramModel *m_model;
    ViewState *m_state;
    QUndoStack *m_undo;
    FigureOptions m_options;
    std::unique_ptr<NetworkFigure> m_figure;
    QSet<RowId> m_added, m_removed, m_changed;
    QDate m_compareFrom;
    QString m_emptyText;
    // Dragging
    int m_dragNode = -1;
    QPointF m_dragStartGraph;
    bool m_dragWasPinned = false;
    bool m_moved = false;
    QPoint m_lastMouse;
    // Shift-drag to draw a tie
    int m_linkFrom = -1;
    QPointF m_linkEnd; ///< widget coordinates (pixels)
};

} // namespace EcoAtlas
