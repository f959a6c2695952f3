// SPDX-License-Identifier: MIT
#pragma once

#include "FigureOptions.h"
#include "FigureStyle.h"
#include "LabelPlacer.h"
#include "NetworkGraph.h"

#include <QDate>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QTransform>

#include <optional>

class QPainter;

namespace EcoAtlas {

/// The network diagram as a figure: nodes (organizations, coloured by role with a split ring for
/// several roles, sized by a measure), directed edges styled by tie kind, amount, status and
/// claim, non-overlapping labels, a legend, a title and subtitle, and a source footer. The
/// on-screen view and every export call the same paint(), so an export is the picture the
/// screen shows.
///
/// Coordinates: node positions are layout pixels ("graph space"). paint() maps graph space into
/// the figure's plot area with fitTransform(), then applies the interactive zoom/pan `view`
/// (device pixels). Node radii and edge widths scale with the map; label text stays 12 px.
class NetworkFigure
{
public:
    NetworkFigure(const Landscape &landscape,
                  const NetworkGraph &graph,
                  const QList<QPointF> &positions,
                  FigureOptions options,
                  SizeMeasure measure = SizeMeasure::Degree);

    /// Highlights node `index` and its neighbours and fades the rest (-1: none).
    void setHighlight(int index);
    /// Compare mode: ties added between date A and the cursor are drawn with a green band,
    /// ties whose status changed with an amber one, and ties removed (present on A only) as
    /// grey dashed ghosts between their organizations when both are on the diagram. Empty sets
    /// (the default) draw no marks. `from` is date A, for the legend.
    void setChanges(const QSet<RowId> &added,
                    const QSet<RowId> &removed,
                    const QSet<RowId> &changed,
                    QDate from);
    int highlight() const { return m_highlight; }
    /// Moves node `index` for drawing only (while the user drags it); the fit is unchanged.
    void setPosition(int index, const QPointF &pos)
    {
        if (index >= 0 && index < m_positions.size())
            m_positions[index] = pos;
    }
    /// The node positions (graph space), one per node of the graph.
    const QList<QPointF> &positions() const { return m_positions; }

    /// The rectangles of a figure drawn into `target`: the plot area, the legend column.
    struct Frame
    {
        QRectF plot;
        QRectF legend;
    };
    Frame frame(const QRectF &target) const;
    /// Maps graph space into `plot`: uniform scale (at most 1.5), centred, with room for labels.
    QTransform fitTransform(const QRectF &plot) const;
    /// A natural export size for this graph in pixels (plot at scale 1 plus legend and frame).
    QSizeF naturalSize() const;

    /// Paints the whole figure into `target`. `view` is the interactive zoom/pan applied after
    /// the fit (identity for exports). `transparent` leaves the background unpainted.
    void paint(QPainter &painter,
               const QRectF &target,
               const QTransform &view = QTransform()) const;

    /// The node under device point `pos` for a figure painted into `target` with `view`, or -1.
    int nodeAt(const QPointF &pos,
               const QRectF &target,
               const QTransform &view = QTransform()) const;

    /// Label placement for the full graph-to-device transform and the plot rectangle: one entry
    /// per node (placed or hidden). Labels never overlap each other or any node; hidden ones are
    /// the least important (smaller measure, fewer ties) or belong to nodes drawn under 1.5 px
    /// outside the 20 most important — the rule the legend states.
    QList<LabelPlacer::Placement> placeLabels(const QTransform &graphToDevice,
                                              const QRectF &plot) const;

    /// The label text of node `index` in the chosen language(s).
    QString labelOf(int index) const;
    /// The tooltip of node `index` as plain text: names, aliases, roles, tie count.
    QString toolTipText(int index) const;
    /// Footer lines: "Sources: [1] …" for the edges shown, the currency rates, how many ties
    /// of each evidence grade are shown, and the caveats of the ties shown.
    QStringList footer() const;
    /// How many of the ties shown are reported, claimed and inferred (platform edges are not
    /// ties and are not counted).
    FigureStyle::EvidenceCounts evidenceCounts() const;
    QString title() const;
    QString subtitle() const;
    /// Human name of the size measure, for the legend ("number of ties", …).
    static QString measureName(SizeMeasure measure);

    /// Label font size in px.
    static constexpr double kLabelSize = 12;
    /// Legend column width in px.
    static constexpr double kLegendWidth = 250;

private:
    /// The footer lines (sources, rates, evidence counts, caveats), composed afresh.
    QStringList composeFooter() const;
    void paintEdges(QPainter &p, const QTransform &t, double scale) const;
    void paintNodes(QPainter &p, const QTransform &t, double scale) const;
    /// Paints the legend from `topLeft` in a column `width` px wide; returns the height used.
    double paintLegend(QPainter &p, const QPointF &topLeft, double width, int hiddenLabels) const;
    bool isFaded(int node) const;

    const Landscape &m_landscape;
    const NetworkGraph &m_graph;
    QList<QPointF> m_positions;
    FigureOptions m_options;
    SizeMeasure m_measure;
    int m_highlight = -1;
    QList<int> m_highlightSet;
    QRectF m_bounds;            ///< graph-space bounding box of the nodes, radii included
    QList<QSizeF> m_labelSizes; ///< px, measured once with the label font
    QSet<RowId> m_added;
    QSet<RowId> m_removed;
    QSet<RowId> m_changed;
    QDate m_compareFrom;
    mutable std::optional<QStringList> m_footer; ///< footer(), composed on first use
    void paintChanges(QPainter &p, const QTransform &t, double scale) const;
};

} // namespace EcoAtlas
