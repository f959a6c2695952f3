// SPDX-License-Identifier: MIT
#pragma once

#include "FigureOptions.h"
#include "SphereMapModel.h"

#include <QDate>
#include <QJsonObject>
#include <QRectF>
#include <QSet>
#include <QTransform>

class QPainter;

namespace EcoAtlas {

/// The sphere-of-influence map as a figure: one translucent region per owner in its own colour
/// with its name, every client mark inside exactly its owners' regions, clients tied to no
/// owner in a strip apart, a legend (owners with the clients on the map and any claimed client
/// figure, marked "claim"), title, subtitle and source footer. Screen and exports share
/// paint(); geometryJson() gives the same geometry in the export's pixel coordinates.
///
/// The map keeps its proportions: geometry, marks and label fonts scale together with the fit
/// (so labels stay clear of each other at every size).
class SphereFigure
{
public:
    SphereFigure(const SphereMapModel &model, FigureOptions options);

    /// Compare mode: clients that joined a sphere (a membership tie added since `from`) get a
    /// green ring, clients that left one (a membership tie ended) a red ring.
    void setChanges(const QSet<RowId> &added, const QSet<RowId> &removed, QDate from);

    struct Frame
    {
        QRectF plot;
        QRectF legend;
    };
    Frame frame(const QRectF &target) const;
    /// Maps layout space into `plot` (uniform scale ≤ 1.5, centred).
    QTransform fitTransform(const QRectF &plot) const;
    /// Natural export size in pixels (the map at scale 1, plus legend and frame).
    QSizeF naturalSize() const;
    /// Paints the figure into `target`; `view` is the interactive zoom/pan after the fit.
    void paint(QPainter &painter,
               const QRectF &target,
               const QTransform &view = QTransform()) const;

    /// Owner whose region or label is under device point `pos` (the smallest region wins), -1.
    int ownerAt(const QPointF &pos, const QRectF &target, const QTransform &view = {}) const;
    /// Client whose mark or label is under `pos`, or -1.
    int clientAt(const QPointF &pos, const QRectF &target, const QTransform &view = {}) const;

    /// The geometry (see EcoAtlas::toJson(SphereGeometry)) mapped into the pixel coordinates of
    /// a figure painted into `target`, with "names" (id → label) and "owner"/"size" members.
    QJsonObject geometryJson(const QRectF &target) const;

    QString title() const;
    QString subtitle() const;
    QStringList footer() const;
    /// The drawn radius of client `i`'s mark, px in layout space: the layout radius, or with a
    /// client measure 4–12 px by the square root of its share of the largest value.
    double markRadius(int i) const;
    /// Plain-text tooltip of client `i` / owner `i`.
    QString clientToolTip(int i) const;
    QString ownerToolTip(int i) const;

    /// Whether `figure` is about the spheres of owners with `ownerRole`, judged by its metric:
    /// cloud vendors — clients, market share, companies served; investors — investments,
    /// portfolio; chip vendors — orders, chips sold, shipments. The legend shows an owner's
    /// figures only on a map of the kind they are about.
    static bool isFigureAbout(const Figure &figure, const QString &ownerRole);
    /// The colour of the i-th owner: Okabe–Ito, then Tol's muted palette (colour-blind safe
    /// for the first seven).
    static QColor ownerColor(int i);
    /// Label measure using the figure fonts (owner 15 px bold, client 12 px).
    static SphereMapModel::LabelMeasure labelMeasure();
    static constexpr double kClientFont = 12;
    static constexpr double kOwnerFont = 15;
    static constexpr double kLegendWidth = 260;

private:
    /// One line per membership tie of client `clientId` (negative: a sector): "• Alibaba
    /// Cloud: hosting [inferred: …]", with the tie's evidence.
    QStringList membershipLines(qint64 clientId) const;
    /// What ties owner `owner` (index) to its members, by kind: "hosts 2, backs 3",
    /// "serves 6 sectors".
    QString membershipSummary(int owner) const;
    double paintLegend(QPainter &p, const QPointF &topLeft, double width) const;

    const SphereMapModel &m_model;
    FigureOptions m_options;
    QSet<RowId> m_joined; ///< client organization ids
    QSet<RowId> m_left;
    QDate m_compareFrom;
};

} // namespace EcoAtlas
