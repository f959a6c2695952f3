// SPDX-License-Identifier: MIT
// bench_spheres: lays out generated sphere-of-influence maps (6 owners × 60 clients,
// 12 × 300, 20 × 1000, or the sizes given as OWNERSxCLIENTS arguments; memberships of 1–3
// random owners, fixed seed) and prints one line per size:
//   owners clients layout_ms attempts outside_own inside_foreign label_label label_mark
//   mark_mark hidden_labels smoothing_fallbacks unrouted_links
// Options: --seed N (default 7), --runs N (default 3; the fastest run is reported),
// --png DIR (also draws each map, and the seed landscape, as PNG into DIR for inspection).
// Build in Release or RelWithDebInfo for meaningful figures.

#include "SphereLayout.h"
#include "SphereSamples.h"

#include <QColor>
#include <QDir>
#include <QImage>
#include <QPainter>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

using namespace EcoAtlas;

namespace {

void draw(const SphereGeometry &g, const QString &path)
{
    const QRectF b = g.bounds.adjusted(-10, -10, 10, 10);
    QImage image(b.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(-b.topLeft());
    const int n = int(g.regions.size());
    for (int k = 0; k < n; ++k) {
        QColor c = QColor::fromHsvF(float(k) / float(std::max(n, 1)), 0.7f, 0.9f);
        QColor fill = c;
        fill.setAlphaF(0.18f);
        p.setPen(QPen(c.darker(120), 1.2));
        p.setBrush(fill);
        p.drawPath(g.regionPath(k));
    }
    p.setBrush(Qt::NoBrush);
    for (int k = 0; k < n; ++k) {
        QColor c = QColor::fromHsvF(float(k) / float(std::max(n, 1)), 0.7f, 0.6f);
        p.setPen(QPen(c, 2));
        p.drawRect(g.ownerLabels[k]);
    }
    p.setPen(QPen(QColor(120, 120, 120), 0.8));
    for (int c = 0; c < g.clientPositions.size(); ++c)
        if (!g.clientLabelHidden[c])
            p.drawRect(g.clientLabels[c]);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(40, 40, 40));
    for (int c = 0; c < g.clientPositions.size(); ++c)
        p.drawEllipse(g.clientPositions[c], g.clientRadii[c], g.clientRadii[c]);
    if (!g.apartArea.isNull()) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(Qt::gray, 1, Qt::DashLine));
        p.drawRect(g.apartArea);
    }
    p.end();
    image.save(path);
}

} // namespace

int main(int argc, char **argv)
{
    unsigned seed = 7;
    int runs = 3;
    QString pngDir;
    std::vector<std::pair<int, int>> sizes;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--seed") && i + 1 < argc) {
            seed = unsigned(std::strtoul(argv[++i], nullptr, 10));
        } else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (!std::strcmp(argv[i], "--png") && i + 1 < argc) {
            pngDir = QString::fromLocal8Bit(argv[++i]);
        } else {
            int o = 0, c = 0;
            if (std::sscanf(argv[i], "%dx%d", &o, &c) != 2 || o < 1 || c < 0) {
                std::fprintf(stderr,
                             "usage: bench_spheres [--seed N] [--runs N] [--png DIR] "
                             "[OWNERSxCLIENTS...]\n");
                return 2;
            }
            sizes.emplace_back(o, c);
        }
    }
    if (sizes.empty())
        sizes = {{6, 60}, {12, 300}, {20, 1000}};
    if (!pngDir.isEmpty()) {
        QDir().mkpath(pngDir);
        const SphereInput seedInput = SphereSamples::seedLandscape();
        draw(layoutSpheres(seedInput), pngDir + "/spheres-seed.png");
    }

    std::printf("owners clients layout_ms attempts outside_own inside_foreign label_label "
                "label_mark mark_mark hidden_labels smoothing_fallbacks unrouted_links\n");
    for (const auto &[owners, clients] : sizes) {
        const SphereInput input = SphereSamples::generated(owners, clients, seed);
        SphereGeometry best;
        for (int r = 0; r < runs; ++r) {
            SphereGeometry g = layoutSpheres(input);
            if (r == 0 || g.stats.layoutMs < best.stats.layoutMs)
                best = std::move(g);
        }
        const SphereVerification v = verify(best, input);
        std::printf("%6d %7d %9.1f %8d %11d %14d %11d %10d %9d %13d %19d %14d\n",
                    owners,
                    clients,
                    best.stats.layoutMs,
                    best.stats.attempts,
                    v.outsideOwnRegion,
                    v.insideForeignRegion,
                    v.labelLabelOverlaps,
                    v.labelMarkOverlaps,
                    v.markMarkOverlaps,
                    v.hiddenLabels,
                    best.stats.smoothingFallbacks,
                    best.stats.unroutedLinks);
        std::fflush(stdout);
        if (!pngDir.isEmpty())
            draw(best, QStringLiteral("%1/spheres-%2x%3.png").arg(pngDir).arg(owners).arg(clients));
    }
    return 0;
}
