// SPDX-License-Identifier: MIT
// Each timeline chart exported without a window: PNG, SVG and PDF through the one export path,
// the frame texts (title, as-of date, rates, sources), Chinese text in the PDF, escaping, and
// errors. With ECOATLAS_TIMELINE_EXPORT_DIR set, the files are also written there (to look at).
#include "Exporter.h"
#include "LandscapeDocument.h"
#include "TimelineExport.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace EcoAtlas;

namespace {

/// Share of pixels in `rect` that are not white.
double inkShare(const QImage &image, const QRect &rect)
{
    int ink = 0;
    int all = 0;
    for (int y = rect.top(); y <= rect.bottom(); y += 2)
        for (int x = rect.left(); x <= rect.right(); x += 2) {
            ++all;
            ink += image.pixel(x, y) != qRgb(255, 255, 255) ? 1 : 0;
        }
    return all ? double(ink) / all : 0;
}

void keep(const QString &name, const QByteArray &bytes)
{
    const QString dir = qEnvironmentVariable("ECOATLAS_TIMELINE_EXPORT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QFile f(QDir(dir).filePath(name));
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

QString pdfText(const QByteArray &pdf)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        return QStringLiteral("(pdftotext missing)");
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("t.pdf")));
    f.open(QIODevice::WriteOnly);
    f.write(pdf);
    f.close();
    QProcess p;
    p.start(pdftotext, {f.fileName(), QStringLiteral("-")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestTimelineExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { m_doc.setLandscape(LandscapeDocument::seedLandscape()); }

    void viewNames()
    {
        QCOMPARE(TimelineExport::viewNames(),
                 (QStringList{QStringLiteral("timeline-investments"),
                              QStringLiteral("timeline-chips"),
                              QStringLiteral("timeline-clients"),
                              QStringLiteral("timeline-events")}));
        for (const QString &v : TimelineExport::viewNames())
            QVERIFY(!TimelineExport::describe(v).isEmpty());
        QVERIFY(TimelineExport::describe(QStringLiteral("network")).isEmpty());
    }

    void eachViewAsPng_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("currency");
        for (const QString &v : TimelineExport::viewNames())
            QTest::newRow(qPrintable(v)) << v << QStringLiteral("USD");
        QTest::newRow("investments-cny")
                << QStringLiteral("timeline-investments") << QStringLiteral("CNY");
    }

    void eachViewAsPng()
    {
        QFETCH(QString, view);
        QFETCH(QString, currency);
        TimelineOptions o;
        o.figure.asOf = QDate(2023, 11, 15);
        o.currency = currency;
        const std::optional<QSizeF> natural = TimelineExport::naturalSize(view, m_doc, o);
        QVERIFY(natural);
        QVERIFY(natural->width() >= 1000 && natural->height() >= 600);
        Exporter::Options eo;
        eo.format = Exporter::Format::Png;
        eo.size = QSizeF();
        QString error;
        const std::optional<QByteArray> png = TimelineExport::render(view, m_doc, o, eo, &error);
        QVERIFY2(png, qPrintable(error));
        keep(QStringLiteral("%1-%2.png").arg(view, currency.toLower()), *png);
        const QImage image = QImage::fromData(*png, "PNG");
        QCOMPARE(image.size(), natural->toSize());
        // Title at the top, chart in the middle, footer at the bottom: all have ink.
        QVERIFY(inkShare(image, QRect(24, 24, 400, 30)) > 0.02);
        QVERIFY(inkShare(image,
                         QRect(100, image.height() / 3, image.width() - 500, image.height() / 4))
                > 0.01);
    }

    void pdfKeepsChineseAndFrameTexts()
    {
        TimelineOptions o;
        o.figure.asOf = QDate(2023, 11, 15);
        o.currency = QStringLiteral("CNY");
        Exporter::Options eo;
        eo.format = Exporter::Format::Pdf;
        eo.size = QSizeF();
        QString error;
        const auto pdf = TimelineExport::render(
                QStringLiteral("timeline-investments"), m_doc, o, eo, &error);
        QVERIFY2(pdf, qPrintable(error));
        QVERIFY(pdf->startsWith("%PDF-"));
        keep(QStringLiteral("timeline-investments.pdf"), *pdf);
        const QString text = pdfText(*pdf);
        QVERIFY2(text.contains(QStringLiteral("亚马逊")), qPrintable(text.left(2000)));
        QVERIFY(text.contains(QStringLiteral("Investments over time")));
        QVERIFY(text.contains(QStringLiteral("as of 2023-11-15")));
        QVERIFY(text.contains(QStringLiteral("1 USD = 7.08 CNY")));
        QVERIFY(text.contains(QStringLiteral("billion CNY")));

        const auto events = TimelineExport::render(
                QStringLiteral("timeline-events"), m_doc, o, eo, &error);
        QVERIFY(events);
        keep(QStringLiteral("timeline-events.pdf"), *events);
        const QString eventsText = pdfText(*events);
        QVERIFY(eventsText.contains(QStringLiteral("英伟达")));
        QVERIFY(eventsText.contains(QStringLiteral("阿里云")));
    }

    void rangeAndCompareModes()
    {
        // Range: a band from A to the cursor on every chart; compare: rings on the events.
        TimelineOptions o;
        o.compareFrom = QDate(2023, 9, 1);
        o.figure.asOf = QDate(2023, 11, 15);
        Exporter::Options eo;
        eo.format = Exporter::Format::Png;
        eo.size = QSizeF();
        QString error;
        for (CursorMode mode : {CursorMode::Range, CursorMode::Compare}) {
            o.mode = mode;
            for (const QString &view : TimelineExport::viewNames()) {
                const auto png = TimelineExport::render(view, m_doc, o, eo, &error);
                QVERIFY2(png, qPrintable(error));
                keep(QStringLiteral("%1-%2.png")
                             .arg(mode == CursorMode::Range ? QStringLiteral("range")
                                                            : QStringLiteral("compare"),
                                  view),
                     *png);
            }
        }
        // A after B does not validate.
        o.compareFrom = QDate(2024, 1, 1);
        QVERIFY(!TimelineExport::render(QStringLiteral("timeline-events"), m_doc, o, eo, &error));
        QVERIFY(error.contains(QStringLiteral("after")));
    }

    void svg()
    {
        TimelineOptions o;
        o.figure.asOf = QDate(2024, 3, 1);
        Exporter::Options eo;
        eo.format = Exporter::Format::Svg;
        eo.size = QSizeF();
        QString error;
        for (const QString &view : TimelineExport::viewNames()) {
            const auto svg = TimelineExport::render(view, m_doc, o, eo, &error);
            QVERIFY2(svg, qPrintable(error));
            QVERIFY(svg->contains("<svg"));
            keep(view + QStringLiteral(".svg"), *svg);
        }
    }

    void hostileNamesAreText()
    {
        Landscape l = LandscapeDocument::seedLandscape();
        for (Organization &o : l.organizations)
            if (o.key == QLatin1String("amazon"))
                o.nameEn = QStringLiteral("<b>Amazon</b> & Co");
        l.index();
        LandscapeDocument doc;
        doc.setLandscape(l);
        TimelineOptions o;
        o.figure.labels = LabelLanguage::English;
        Exporter::Options eo;
        eo.format = Exporter::Format::Svg;
        eo.size = QSizeF();
        QString error;
        const auto svg = TimelineExport::render(
                QStringLiteral("timeline-investments"), doc, o, eo, &error);
        QVERIFY2(svg, qPrintable(error));
        keep(QStringLiteral("hostile.svg"), *svg);
        // The name is drawn as written (escaped once in the SVG), never as bold markup.
        QVERIFY(svg->contains("&lt;b&gt;Amazon&lt;/b&gt; &amp; Co"));
    }

    void errors()
    {
        TimelineOptions o;
        QImage image(100, 100, QImage::Format_ARGB32);
        QPainter p(&image);
        QString error;
        QVERIFY(!TimelineExport::paintTimeline(
                QStringLiteral("network"), m_doc, o, p, QRectF(0, 0, 100, 100), &error));
        QVERIFY(error.contains(QStringLiteral("unknown view")));
        o.currency = QStringLiteral("EUR");
        QVERIFY(!TimelineExport::paintTimeline(
                QStringLiteral("timeline-chips"), m_doc, o, p, QRectF(0, 0, 100, 100), &error));
        QVERIFY(error.contains(QStringLiteral("EUR")));
        QVERIFY(!TimelineExport::naturalSize(QStringLiteral("nope"), m_doc, o));
        // A tiny target: the frame only, no crash.
        o.currency = QStringLiteral("USD");
        QVERIFY(TimelineExport::paintTimeline(
                QStringLiteral("timeline-events"), m_doc, o, p, QRectF(0, 0, 100, 100), &error));
        p.end();
        Exporter::Options eo;
        eo.path = QStringLiteral("/nonexistent-dir/x.png");
        QVERIFY(!TimelineExport::exportToFile(
                QStringLiteral("timeline-chips"), m_doc, o, eo, &error));
    }

    void farDatesRender()
    {
        // A landscape from 1965 to 2045: labels and marks in place, no crash, no shift.
        Landscape l;
        Organization a;
        a.id = 1;
        a.nameEn = QStringLiteral("Old Vendor");
        Organization b = a;
        b.id = 2;
        b.nameEn = QStringLiteral("Future Lab");
        l.organizations = {a, b};
        Tie t;
        t.id = 1;
        t.kind = QStringLiteral("investment");
        t.fromId = 1;
        t.toId = 2;
        t.start = FuzzyDate::fromString(QStringLiteral("1965-03-14"));
        t.amount = {5e6, QStringLiteral("USD"), Amount::Qualifier::Exact};
        Tie u = t;
        u.id = 2;
        u.start = FuzzyDate::fromString(QStringLiteral("2045-Q2"));
        u.amount = {7e6, QStringLiteral("USD"), Amount::Qualifier::Over};
        Tie h = t;
        h.id = 3;
        h.kind = QStringLiteral("hosting");
        h.start = FuzzyDate::fromString(QStringLiteral("1969-12-31"));
        h.end = FuzzyDate::fromString(QStringLiteral("2040-01"));
        l.ties = {t, u, h};
        l.index();
        LandscapeDocument doc;
        doc.setLandscape(l);
        TimelineOptions o;
        o.figure.asOf = QDate(2039, 6, 1);
        Exporter::Options eo;
        eo.format = Exporter::Format::Png;
        eo.size = QSizeF();
        QString error;
        for (const QString &view : TimelineExport::viewNames()) {
            const auto png = TimelineExport::render(view, doc, o, eo, &error);
            QVERIFY2(png, qPrintable(error));
            keep(QStringLiteral("far-%1.png").arg(view), *png);
        }
    }

private:
    LandscapeDocument m_doc;
};

QTEST_MAIN(TestTimelineExport)
#include "tst_timelineexport.moc"
