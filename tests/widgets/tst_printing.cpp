// SPDX-License-Identifier: MIT
// File › Print and Print Preview: the view on screen through the export paint routine onto a
// page (a PDF printer here), fitted, with legend and sources, in colour or grey.
#include "LandscapeDocument.h"
#include "MainWindow.h"
#include "SpherePage.h"

#include <QAction>
#include <QImage>
#include <QMenuBar>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace EcoAtlas;

namespace {
/// The text of a PDF (pdftotext), or an empty string.
QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// The first page of a PDF as an image at 40 dpi (pdftoppm), or a null image.
QImage pdfPage(const QString &pdf, const QString &stem)
{
    QProcess p;
    p.start(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"),
             QStringLiteral("40"),
             QStringLiteral("-png"),
             QStringLiteral("-singlefile"),
             pdf,
             stem});
    p.waitForFinished(30000);
    return QImage(stem + QStringLiteral(".png"));
}

/// How many pixels are coloured (channels differ by more than 24 of 255).
int colouredPixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const int spread = std::max({c.red(), c.green(), c.blue()})
                               - std::min({c.red(), c.green(), c.blue()});
            n += spread > 24 ? 1 : 0;
        }
    return n;
}
} // namespace

class TestPrinting : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_db = m_dir.filePath(QStringLiteral("seed.ecoatlas"));
        QString error;
        QVERIFY2(LandscapeDocument::createSeedDatabase(m_db, &error), qPrintable(error));
    }

    void menuHasPrintAndPreview()
    {
        MainWindow w;
        QStringList texts;
        QAction *print = nullptr;
        for (QAction *menu : w.menuBar()->actions())
            if (menu->menu())
                for (QAction *a : menu->menu()->actions()) {
                    texts << a->text();
                    if (a->text() == QStringLiteral("&Print…"))
                        print = a;
                }
        QVERIFY2(print, qPrintable(texts.join(QLatin1Char('|'))));
        QCOMPARE(print->shortcut(), QKeySequence(QKeySequence::Print));
        QVERIFY(texts.contains(QStringLiteral("Print Pre&view…")));
    }

    void printsTheNetworkInColour()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        QCOMPARE(w.currentView().view, QStringLiteral("network"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString pdf = m_dir.filePath(QStringLiteral("network.pdf"));
        printer.setOutputFileName(pdf);
        printer.setPageOrientation(QPageLayout::Landscape);
        QString error;
        QVERIFY2(w.printCurrentView(&printer, &error), qPrintable(error));
        const QString text = pdfText(pdf);
        // Text stays text, Chinese included; legend and sources are on the page.
        QVERIFY2(text.contains(QStringLiteral("百度智能云")), qPrintable(text.left(400)));
        QVERIFY(!text.contains(QChar(0x2F00))); // 零一万物's 一, not the Kangxi radical ⼀
        QVERIFY(text.contains(QStringLiteral("零一万物")));
        QVERIFY(text.contains(QStringLiteral("Sources: Zhidongxi")));
        QVERIFY2(text.contains(QStringLiteral("Evidence (line style)")), qPrintable(text));
        const QImage page = pdfPage(pdf, m_dir.filePath(QStringLiteral("colour")));
        QVERIFY(!page.isNull());
        QVERIFY2(colouredPixels(page) > 500, qPrintable(QString::number(colouredPixels(page))));
    }

    void printsTheSpheresInGrey()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        auto *tabs = w.findChild<QTabWidget *>();
        tabs->setCurrentWidget(w.spherePage());
        QCOMPARE(w.currentView().view, QStringLiteral("spheres"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setColorMode(QPrinter::GrayScale);
        const QString pdf = m_dir.filePath(QStringLiteral("spheres.pdf"));
        printer.setOutputFileName(pdf);
        QString error;
        QVERIFY2(w.printCurrentView(&printer, &error), qPrintable(error));
        const QImage page = pdfPage(pdf, m_dir.filePath(QStringLiteral("grey")));
        QVERIFY(!page.isNull());
        // Something is drawn, and nothing of it is coloured.
        int dark = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x)
                dark += qGray(page.pixel(x, y)) < 128 ? 1 : 0;
        QVERIFY2(dark > 500, qPrintable(QString::number(dark)));
        QCOMPARE(colouredPixels(page), 0);
    }

    void previewPaintsPages()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        bool shown = false;
        QTimer::singleShot(0, &w, [&] {
            auto *preview = w.findChild<QPrintPreviewDialog *>(QStringLiteral("PrintPreview"));
            shown = preview != nullptr;
            if (preview)
                preview->reject();
        });
        QAction *act = nullptr;
        for (QAction *menu : w.menuBar()->actions())
            if (menu->menu())
                for (QAction *a : menu->menu()->actions())
                    if (a->text() == QStringLiteral("Print Pre&view…"))
                        act = a;
        QVERIFY(act);
        act->trigger();
        QVERIFY(shown);
    }
};

QTEST_MAIN(TestPrinting)
#include "tst_printing.moc"
