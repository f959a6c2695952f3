// SPDX-License-Identifier: MIT
// bench_network: builds generated landscapes of 1,000 and 10,000 organizations (about two ties
// each; or the sizes given as arguments) through the real pipeline — LandscapeDocument →
// filter models → NetworkGraph → ForceLayout → NetworkFigure — and prints per size:
//   organizations ties build_ms layout_ms stress figure_ms frame_ms labels_shown
// frame_ms is the median of 5 full repaints of a 1600x1000 frame (the on-screen paint routine:
// edges, nodes, label placement, legend, frame) into an image. Not a ctest test.
#include "ForceLayout.h"
#include "LandscapeDocument.h"
#include "NetworkDiagramModel.h"
#include "NetworkFigure.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace EcoAtlas;

namespace {

/// `n` organizations: 1 % cloud vendors, 1 % investors, the rest model developers. Every
/// developer is hosted by one vendor (popular vendors more often); about every other one also
/// gets an investment, so there are about two ties per organization once counted at both ends.
Landscape generate(int n, unsigned seed)
{
    std::mt19937 rng(seed);
    Landscape l;
    l.title = QStringLiteral("Generated landscape of %1 organizations").arg(n);
    Source s;
    s.id = 1;
    s.key = QStringLiteral("generated");
    s.publisher = QStringLiteral("Generator");
    s.title = QStringLiteral("Synthetic data");
    l.sources = {s};
    const int vendors = std::max(3, n / 100);
    const int investors = std::max(3, n / 100);
    for (int i = 0; i < n; ++i) {
        Organization o;
        o.id = i + 1;
        o.key = QStringLiteral("org-%1").arg(i);
        o.nameEn = QStringLiteral("Org %1").arg(i);
        o.nameZh = QStringLiteral("公司%1").arg(i);
        o.roles = {i < vendors               ? QStringLiteral("cloud_vendor")
                   : i < vendors + investors ? QStringLiteral("investor")
                                             : QStringLiteral("model_developer")};
        l.organizations.append(o);
    }
    auto add = [&](const QString &kind, int from, int to, double amount) {
        Tie t;
        t.id = l.ties.size() + 1;
        t.key = QStringLiteral("t-%1").arg(t.id);
        t.kind = kind;
        t.fromId = from + 1;
        t.toId = to + 1;
        t.sourceIds = {1};
        if (kind == QLatin1String("investment")) {
            t.amount.value = amount;
            t.amount.currency = QStringLiteral("USD");
            t.amount.qualifier = Amount::Qualifier::Exact;
        } else {
            t.service = QStringLiteral("training");
        }
        l.ties.append(t);
    };
    std::uniform_real_distribution<double> unit(0, 1);
    for (int c = vendors + investors; c < n; ++c) {
        const int v = int(std::pow(unit(rng), 2.0) * vendors);
        add(QStringLiteral("hosting"), v, c, 0);
        if (unit(rng) < 0.5)
            add(QStringLiteral("investment"),
                vendors + int(unit(rng) * investors),
                c,
                1e7 * (1 + 100 * unit(rng)));
        if (unit(rng) < 0.5)
            add(QStringLiteral("hosting"), int(unit(rng) * vendors), c, 0);
    }
    l.index();
    return l;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QGuiApplication app(argc, argv);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes << QString::fromLocal8Bit(argv[i]).toInt();
    if (sizes.isEmpty())
        sizes = {1000, 10000};
    std::printf("%-13s %-6s %-9s %-10s %-8s %-10s %-9s %s\n",
                "organizations",
                "ties",
                "build_ms",
                "layout_ms",
                "stress",
                "figure_ms",
                "frame_ms",
                "labels_shown");
    for (int n : sizes) {
        LandscapeDocument doc;
        const Landscape landscape = generate(n, 42);
        QElapsedTimer timer;
        timer.start();
        doc.setLandscape(landscape);
        NetworkDiagramModel model(&doc);
        const double buildMs = timer.nsecsElapsed() / 1e6 - model.lastLayoutMs();
        LayoutGraph lg;
        for (const NetworkNode &node : model.graph().nodes)
            lg.radii.append(node.radius);
        for (const NetworkEdge &e : model.graph().edges)
            lg.edges.append({e.from, e.to, 1.0});
        const double stress = ForceLayout::scaledStress(model.positions(), lg);

        timer.restart();
        NetworkFigure figure(doc.landscape(), model.graph(), model.positions(), FigureOptions());
        const double figureMs = timer.nsecsElapsed() / 1e6;
        QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
        QList<double> frames;
        for (int k = 0; k < 5; ++k) {
            image.fill(Qt::white);
            QPainter p(&image);
            p.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            timer.restart();
            figure.paint(p, QRectF(0, 0, 1600, 1000));
            frames << timer.nsecsElapsed() / 1e6;
        }
        std::sort(frames.begin(), frames.end());
        const QRectF plot = figure.frame(QRectF(0, 0, 1600, 1000)).plot;
        int shown = 0;
        for (const auto &placement : figure.placeLabels(figure.fitTransform(plot), plot))
            shown += placement.placed ? 1 : 0;
        std::printf("%-13d %-6lld %-9.1f %-10.1f %-8.3f %-10.1f %-9.1f %d\n",
                    n,
                    qlonglong(model.graph().edges.size()),
                    buildMs,
                    model.lastLayoutMs(),
                    stress,
                    figureMs,
                    frames[2],
                    shown);
    }
    return 0;
}
