// SPDX-License-Identifier: MIT
// The window's controls as a new user meets them (issue 12): re-layout, search feedback, filter
// menus, the time slider, tables, export confirmations, window size, group toggle, titles kept
// per file, keyboard shortcuts and accessible names. QTest on the real MainWindow, offscreen.
#include "ExportDialog.h"
#include "LandscapeDocument.h"
#include "LandscapeTableModels.h"
#include "MainWindow.h"
#include "NetworkDiagramModel.h"
#include "NetworkFigure.h"
#include "NetworkPage.h"
#include "NetworkView.h"
#include "SphereMapModel.h"
#include "TablePage.h"
#include "TimelinePage.h"
#include "ViewState.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace EcoAtlas;

namespace {
RowId idOf(const MainWindow &w, const char *key)
{
    const Organization *o = w.document()->landscape().organizationByKey(QString::fromLatin1(key));
    return o ? o->id : 0;
}

/// Widget-space positions of every node of the network view.
QList<QPointF> nodesOnScreen(const NetworkView *view)
{
    const NetworkFigure &f = view->figure();
    const QTransform t = f.fitTransform(f.frame(QRectF(view->rect())).plot) * view->viewTransform();
    QList<QPointF> out;
    for (const QPointF &p : f.positions())
        out << t.map(p);
    return out;
}

double distance(const MainWindow &w, const char *a, const char *b)
{
    const NetworkDiagramModel *m = w.networkModel();
    const int i = m->graph().indexOfOrganization(idOf(w, a));
    const int j = m->graph().indexOfOrganization(idOf(w, b));
    if (i < 0 || j < 0)
        return -1;
    return QLineF(m->positions().at(i), m->positions().at(j)).length();
}
} // namespace

class TestWindowControls : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_count = 0;

    /// A fresh seed database per test, so stored positions do not carry over.
    QString freshDb()
    {
        const QString path = m_dir.filePath(QStringLiteral("seed%1.ecoatlas").arg(++m_count));
        QString error;
        if (!LandscapeDocument::createSeedDatabase(path, &error))
            qFatal("%s", qPrintable(error));
        return path;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void init() { QSettings().clear(); }

    // Item 8: Ctrl+L is one undoable step, fits the view, keeps every node on screen with a
    // far pinned node, and says so when there is nothing to do.
    void relayoutIsUndoableAndFits()
    {
        MainWindow w;
        QVERIFY(w.openFile(freshDb()));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        NetworkPage *page = w.networkPage();
        NetworkDiagramModel *model = w.networkModel();
        const int before = w.undoStack()->count();

        // Nothing pinned, layout fresh: nothing to do, and the status bar says so.
        page->relayout();
        QCOMPARE(w.undoStack()->count(), before);
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("nothing to change")),
                 qPrintable(w.statusBar()->currentMessage()));

        // Pin MiniMax far away, zoom in, then re-layout.
        const RowId minimax = idOf(w, "minimax");
        const int i = model->graph().indexOfOrganization(minimax);
        const QPointF start = model->positions().at(i);
        w.undoStack()->push(
                new MoveNodeCommand(model, minimax, start, false, QPointF(-3000, 2000), true));
        page->view()->zoomBy(3);
        const QList<QPointF> pinnedLayout = model->positions();
        const int withMove = w.undoStack()->count();
        page->relayout();
        QCOMPARE(w.undoStack()->count(), withMove + 1);
        QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Re-layout"));
        QCOMPARE(page->view()->viewTransform(), QTransform()); // refitted
        QCOMPARE(model->positions().at(model->graph().indexOfOrganization(minimax)),
                 QPointF(-3000, 2000)); // the pinned node stays
        const QRectF area = QRectF(page->view()->rect());
        int inside = 0;
        const QList<QPointF> shown = nodesOnScreen(page->view());
        for (const QPointF &p : shown)
            inside += area.contains(p) ? 1 : 0;
        QCOMPARE(inside, int(shown.size()));
        QVERIFY(shown.size() > 20);

        // Undo puts every node back where it was.
        w.undoStack()->undo();
        QCOMPARE(model->positions(), pinnedLayout);
        QCOMPARE(page->view()->viewTransform(), QTransform());
        w.undoStack()->redo();
        QVERIFY(model->positions() != pinnedLayout);
    }

    // Item 9: a search with no match says so and clears the old selection.
    void searchWithoutMatchSaysSo()
    {
        MainWindow w;
        QVERIFY(w.openFile(freshDb()));
        NetworkPage *page = w.networkPage();
        page->searchField()->setText(QStringLiteral("阿里云")); // keyClicks takes Latin-1 only
        QTest::keyClick(page->searchField(), Qt::Key_Return);
        QCOMPARE(w.viewState()->selectedOrganization(), idOf(w, "alibaba-cloud"));
        page->searchField()->clear();
        QTest::keyClicks(page->searchField(), QStringLiteral("Xyzzy Cloud"));
        QTest::keyClick(page->searchField(), Qt::Key_Return);
        QCOMPARE(w.viewState()->selectedOrganization(), RowId(0));
        QCOMPARE(w.statusBar()->currentMessage(),
                 QStringLiteral("No organization matches “Xyzzy Cloud”"));
    }

    // Item 10: a filter menu stays open while toggling; the button shows the filter is on;
    // an empty diagram says why.
    void filterMenusStayOpenAndShowState()
    {
        MainWindow w;
        QVERIFY(w.openFile(freshDb()));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QToolButton *ties = w.networkPage()->filterButton(QStringLiteral("Ties"));
        QVERIFY(ties);
        QCOMPARE(ties->text(), QStringLiteral("Ties"));
        QVERIFY(!ties->font().bold());
        QMenu *menu = ties->menu();
        menu->popup(ties->mapToGlobal(QPoint(0, ties->height())));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        const QList<QAction *> actions = menu->actions();
        QAction *hosting = actions.at(0);
        QAction *investment = actions.at(1);
        const int edges = int(w.networkModel()->graph().edges.size());
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(hosting).center());
        QVERIFY(menu->isVisible()); // still open
        QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(investment).center());
        QVERIFY(menu->isVisible());
        QVERIFY(!hosting->isChecked());
        QVERIFY(!investment->isChecked());
        QVERIFY(int(w.networkModel()->graph().edges.size()) < edges);
        QCOMPARE(ties->text(), QStringLiteral("Ties (6 of 9)"));
        QVERIFY(ties->font().bold());
        QVERIFY(ties->toolTip().contains(hosting->text()));
        menu->hide();

        // As of a date before any source, as it was known: a sentence, not a blank canvas.
        w.viewState()->setTimeBasis(ViewState::TimeBasis::Published);
        w.viewState()->setAsOf(QDate(2020, 6, 1));
        QCOMPARE(w.networkModel()->graph().nodes.size(), 0);
        const QString why = w.networkPage()->view()->emptyText();
        QVERIFY2(why.contains(QStringLiteral("no tie had been reported by 2020-06-01")),
                 qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("the Ties filter shows 6 of 9")), qPrintable(why));
        w.viewState()->setAsOf(QDate());
        QVERIFY(w.networkPage()->view()->emptyText().isEmpty());
    }

    // Item 12: the slider ends with the data, month steps keep the day, a click on the track
    // jumps there, and the step buttons say what they do.
    void timeSliderFollowsTheData()
    {
        MainWindow w;
        QVERIFY(w.openFile(freshDb()));
        w.resize(1280, 800);
        w.show();
        TimelinePage *t = w.timelinePage();
        w.findChild<QTabWidget *>()->setCurrentWidget(t);
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(t->cursorTo(), QDate(2023, 11, 30)); // the data ends in November 2023
        QCOMPARE(t->rangeFrom().daysTo(t->cursorTo()), qint64(t->slider()->maximum()));
        QVERIFY(t->forwardButton()->text().contains(QStringLiteral("Next month")));
        QVERIFY(t->backButton()->text().contains(QStringLiteral("Previous month")));

        w.viewState()->setAsOf(QDate(2023, 10, 31));
        t->stepBack();
        QCOMPARE(w.viewState()->asOf(), QDate(2023, 9, 30));
        t->stepBack();
        QCOMPARE(w.viewState()->asOf(), QDate(2023, 8, 31)); // the day comes back
        for (int i = 0; i < 5; ++i)
            t->stepBack();
        QCOMPARE(w.viewState()->asOf(), QDate(2023, 3, 31));
        for (int i = 0; i < 7; ++i)
            t->stepForward();
        QCOMPARE(w.viewState()->asOf(), QDate(2023, 10, 31));
        t->stepForward();
        t->stepForward();
        t->stepForward();
        QCOMPARE(w.viewState()->asOf(), t->cursorTo()); // clamped at the end

        // A click at 25 % of the track moves the cursor there, not one page.
        QSlider *s = t->slider();
        s->setValue(s->maximum());
        QTest::mouseClick(s, Qt::LeftButton, {}, QPoint(s->width() / 4, s->height() / 2));
        const double at = double(s->value()) / s->maximum();
        QVERIFY2(at > 0.18 && at < 0.32, qPrintable(QString::number(at)));
        QCOMPARE(w.viewState()->asOf(), t->rangeFrom().addDays(s->value()));
    }

    // Item 14: case-insensitive name sort, readable columns, names in the chosen language,
    // the first row visible on entering a tab.
    void tablesSortAndNameSensibly()
    {
        MainWindow w;
        QVERIFY(w.openFile(freshDb()));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        TablePage *orgs = w.tablePages().first();
        auto rowOf = [orgs](const QString &name) {
            for (int r = 0; r < orgs->proxy()->rowCount(); ++r)
                if (orgs->proxy()->index(r, 0).data().toString() == name)
                    return r;
            return -1;
        };
        QVERIFY(rowOf(QStringLiteral("iFLYTEK")) >= 0);
        QVERIFY(rowOf(QStringLiteral("iFLYTEK")) < rowOf(QStringLiteral("Zhipu AI")));
        QVERIFY(rowOf(QStringLiteral("Hygon")) < rowOf(QStringLiteral("iFLYTEK")));

        auto *tabs = w.findChild<QTabWidget *>();
        TablePage *figures = nullptr;
        TablePage *hosting = nullptr;
        for (TablePage *p : w.tablePages()) {
            if (p->objectName() == QStringLiteral("Figures and claims"))
                figures = p;
            if (p->objectName() == QStringLiteral("Hosting"))
                hosting = p;
        }
        QVERIFY(figures && hosting);
        tabs->setCurrentWidget(figures);
        QHeaderView *header = figures->view()->horizontalHeader();
        int statement = -1;
        for (int c = 0; c < header->count(); ++c)
            if (figures->proxy()->headerData(c, Qt::Horizontal).toString()
                == QStringLiteral("Statement"))
                statement = c;
        QVERIFY(statement >= 0);
        QVERIFY2(header->sectionSize(statement) >= 300,
                 qPrintable(QString::number(header->sectionSize(statement))));
        QVERIFY(!header->stretchLastSection());
        QVERIFY(header->sectionSize(header->count() - 1) <= 420);
        // The first row is entirely visible.
        QCOMPARE(figures->view()->rowAt(0), 0);
        QCOMPARE(figures->view()->rowViewportPosition(0), 0);

        // Entering a tab keeps the shared selection (the focus makes a first row current).
        const RowId zhipu = idOf(w, "zhipu-ai");
        w.viewState()->setSelectedOrganization(zhipu);
        tabs->setCurrentWidget(hosting);
        hosting->view()->setFocus(Qt::TabFocusReason);
        QApplication::processEvents();
        QCOMPARE(w.viewState()->selectedOrganization(), zhipu);
        // A click on a row selects its organization.
        const QRect first = hosting->view()->visualRect(hosting->proxy()->index(0, 0));
        QTest::mouseClick(hosting->view()->viewport(), Qt::LeftButton, {}, first.center());
        QCOMPARE(w.viewState()->selectedOrganization(),
                 RowId(hosting->proxy()
                               ->index(0, 0)
                               .data(ModelRole::OrganizationIds)
                               .value<QList<qint64>>()
                               .first()));

        // Tie tables follow the label language.
        auto fromColumnHas = [hosting](const QString &name) {
            for (int r = 0; r < hosting->proxy()->rowCount(); ++r)
                for (int c = 0; c < 2; ++c)
                    if (hosting->proxy()->index(r, c).data().toString() == name)
                        return true;
            return false;
        };
        QVERIFY(fromColumnHas(QStringLiteral("Alibaba Cloud 阿里云")));
        auto *labels = w.networkPage()->findChild<QComboBox *>();
        labels->setCurrentIndex(labels->findData(QStringLiteral("zh")));
        QCOMPARE(w.viewState()->labelLanguage(), LabelLanguage::Chinese);
        QVERIFY(fromColumnHas(QStringLiteral("阿里云")));
        labels->setCurrentIndex(labels->findData(QStringLiteral("en")));
        QVERIFY(fromColumnHas(QStringLiteral("Alibaba Cloud")));
    }

    // Item 15: the export dialog starts from the view's state and exports say where they went.
    void exportStartsFromTheViewAndConfirms()
    {
        MainWindow w;
        QVERIFY(w.openFile(freshDb()));
        w.viewState()->setAsOf(QDate(2023, 9, 15));
        auto *labels = w.networkPage()->findChild<QComboBox *>();
        labels->setCurrentIndex(labels->findData(QStringLiteral("zh")));
        std::unique_ptr<ExportDialog> dialog(w.createExportDialog());
        QCOMPARE(dialog->view(), QStringLiteral("network"));
        QVERIFY(dialog->asOfCheck()->isChecked());
        QCOMPARE(dialog->asOfField()->date(), QDate(2023, 9, 15));
        QCOMPARE(dialog->figureOptions().labels, LabelLanguage::Chinese);
        const QString out = m_dir.filePath(QStringLiteral("net.svg"));
        QString error;
        QVERIFY2(dialog->exportTo(out, &error), qPrintable(error));
        QVERIFY(QFileInfo(out).size() > 1000);
        QVERIFY2(w.statusBar()->currentMessage().contains(QDir::toNativeSeparators(out)),
                 qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(dialog->confirmation()->text().contains(out));
        QVERIFY2(dialog->copyTo(&error), qPrintable(error));
        QVERIFY(w.statusBar()->currentMessage().startsWith(QStringLiteral("Copied ")));
        QVERIFY(dialog->confirmation()->text().contains(QStringLiteral("clipboard")));

        // No date in the view: the date is not ticked.
        w.viewState()->setAsOf(QDate());
        std::unique_ptr<ExportDialog> undated(w.createExportDialog());
        QVERIFY(!undated->asOfCheck()->isChecked());
        QVERIFY(!undated->figureOptions().asOf.isValid());
    }

    // Item 16: the window fits 1280×720 and 1024×768.
    void windowFitsSmallScreens_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x720") << QSize(1280, 720);
        QTest::newRow("1024x768") << QSize(1024, 768);
    }
    void windowFitsSmallScreens()
    {
        QFETCH(QSize, size);
        MainWindow w;
        QVERIFY(w.openFile(freshDb()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *tabs = w.findChild<QTabWidget *>();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            w.resize(size);
            QApplication::processEvents();
            QVERIFY2(w.minimumSizeHint().width() <= size.width(),
                     qPrintable(QStringLiteral("tab %1: minimum %2 px")
                                        .arg(tabs->tabText(i))
                                        .arg(w.minimumSizeHint().width())));
            QCOMPARE(w.size(), size);
            qInfo("%s: minimum width %d px",
                  qPrintable(tabs->tabText(i)),
                  w.minimumSizeHint().width());
        }
    }

    // Item 17: "Group subsidiaries" is a visible toggle and pulls subsidiaries to parents.
    void groupSubsidiariesIsAToggleThatGroups()
    {
        MainWindow w;
        QVERIFY(w.openFile(freshDb()));
        QToolButton *group = w.networkPage()->groupButton();
        QVERIFY(group->isCheckable());
        QVERIFY(!group->autoRaise());
        const double before = distance(w, "bytedance", "volcano-engine");
        QVERIFY(before > 0);
        group->click();
        QVERIFY(group->isChecked());
        QVERIFY(w.networkModel()->groupSubsidiaries());
        const double after = distance(w, "bytedance", "volcano-engine");
        qInfo("ByteDance-Volcano Engine: %.0f px apart, grouped %.0f px", before, after);
        QVERIFY2(after < before && after < 160,
                 qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
        QVERIFY(distance(w, "alibaba-group", "alibaba-cloud") < 160);

        // Without the ownership ties drawn, grouping is what keeps them together.
        group->click();
        QSet<QString> kinds(Vocabulary::tieKinds().begin(), Vocabulary::tieKinds().end());
        kinds.remove(QStringLiteral("ownership"));
        w.networkModel()->tieFilter()->setKinds(kinds);
        w.networkPage()->relayout();
        const double loose = distance(w, "bytedance", "volcano-engine");
        group->click();
        const double tight = distance(w, "bytedance", "volcano-engine");
        qInfo("without ownership ties: %.0f px apart, grouped %.0f px", loose, tight);
        QVERIFY2(tight > 0 && tight < loose && tight < 160,
                 qPrintable(QStringLiteral("%1 → %2").arg(loose).arg(tight)));
    }

    // Item 11 (part): "Reset layout" on the sphere map forgets dragged regions.
    void sphereResetLayoutForgetsDrags()
    {
        MainWindow w;
        QVERIFY(w.openFile(freshDb()));
        SphereMapModel *spheres = w.sphereModel();
        const auto fresh = spheres->geometry().ownerCenters;
        QVERIFY(fresh.size() >= 2);
        spheres->moveOwner(0, fresh.at(0) + QPointF(400, 300));
        QVERIFY(spheres->geometry().ownerCenters != fresh);
        spheres->resetLayout();
        QCOMPARE(spheres->geometry().ownerCenters, fresh);
    }

    // Item 18: the network's title and subtitle come back when the file is reopened.
    void titlesAreKeptPerFile()
    {
        const QString db = freshDb();
        const QString other = freshDb();
        {
            MainWindow w;
            QVERIFY(w.openFile(db));
            QLineEdit *title = w.networkPage()->titleField();
            title->setFocus();
            QTest::keyClicks(title, QStringLiteral("China's cloud wars"));
            QTest::keyClick(title, Qt::Key_Return);
            QTest::keyClicks(w.networkPage()->subtitleField(), QStringLiteral("late 2023"));
            QTest::keyClick(w.networkPage()->subtitleField(), Qt::Key_Return);
            QCOMPARE(w.networkPage()->view()->figureOptions().title,
                     QStringLiteral("China's cloud wars"));
        }
        MainWindow w;
        QVERIFY(w.openFile(other));
        QVERIFY(w.networkPage()->titleField()->text().isEmpty()); // another file: its own
        QVERIFY(w.openFile(db));
        QCOMPARE(w.networkPage()->titleField()->text(), QStringLiteral("China's cloud wars"));
        QCOMPARE(w.networkPage()->subtitleField()->text(), QStringLiteral("late 2023"));
        QCOMPARE(w.networkPage()->view()->figureOptions().title,
                 QStringLiteral("China's cloud wars"));
    }

    // Help: every shortcut is listed; a first-run hint shows once; controls have names.
    void helpListsEveryShortcut()
    {
        MainWindow w;
        QVERIFY(w.openFile(freshDb()));
        const auto rows = w.shortcutList();
        QStringList keys;
        for (const auto &row : rows)
            keys << row.first;
        for (QAction *a : w.findChildren<QAction *>())
            for (const QKeySequence &k : a->shortcuts())
                QVERIFY2(keys.join(QLatin1Char(' ')).contains(k.toString(QKeySequence::NativeText)),
                         qPrintable(k.toString()));
        for (const char *k : {"Ctrl+L", "Ctrl+0", "Ctrl+E", "Ctrl+F", "Ctrl+Z", "Alt+1", "F1"})
            QVERIFY2(keys.join(QLatin1Char(' ')).contains(QLatin1String(k)), k);
        QVERIFY(rows.size() >= 30);

        // The network tool bar's commands and filters are in a menu too (keyboard access).
        QMenu *network = nullptr;
        for (QAction *a : w.menuBar()->actions())
            if (a->text() == QStringLiteral("&Network"))
                network = a->menu();
        QVERIFY(network);
        QStringList items;
        for (QAction *a : network->actions())
            items << a->text();
        QVERIFY2(items.contains(QStringLiteral("Re-layout"))
                         && items.contains(QStringLiteral("Group subsidiaries"))
                         && items.contains(QStringLiteral("Ties Filter")),
                 qPrintable(items.join(QLatin1Char('|'))));
    }

    void firstRunHintShowsOnce()
    {
        {
            MainWindow w;
            w.show();
            QVERIFY(w.firstRunHint()->isVisible());
            auto *gotIt = w.firstRunHint()->findChild<QToolButton *>();
            QTest::mouseClick(gotIt, Qt::LeftButton);
            QVERIFY(!w.firstRunHint()->isVisible());
        }
        MainWindow again;
        again.show();
        QVERIFY(!again.firstRunHint()->isVisible());
    }

    void everyControlHasANameAndATooltip()
    {
        MainWindow w;
        QVERIFY(w.openFile(freshDb()));
        w.resize(1600, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *tabs = w.findChild<QTabWidget *>();
        QStringList missing;
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QApplication::processEvents();
            const QList<QWidget *> widgets = w.findChildren<QWidget *>();
            for (QWidget *c : widgets) {
                const bool control = qobject_cast<QAbstractButton *>(c)
                                     || qobject_cast<QComboBox *>(c) || qobject_cast<QLineEdit *>(c)
                                     || qobject_cast<QAbstractSlider *>(c)
                                     || qobject_cast<QAbstractSpinBox *>(c)
                                     || qobject_cast<QAbstractItemView *>(c);
                if (!control || !c->isVisible())
                    continue;
                // Parts of composite widgets (a date edit's line edit, a combo's list, a
                // dock's title buttons, a table's corner button) are named by their owner.
                QWidget *p = c->parentWidget();
                if (qobject_cast<QAbstractSpinBox *>(p) || qobject_cast<QComboBox *>(p)
                    || qobject_cast<QAbstractItemView *>(p) || qobject_cast<QScrollBar *>(c)
                    || QByteArray(c->metaObject()->className()).startsWith("QDockWidget")
                    || QByteArray(c->metaObject()->className()) == "QToolBarExtension"
                    || QByteArray(c->metaObject()->className()) == "QTabBar"
                    || (p && QByteArray(p->metaObject()->className()) == "QTabBar")
                    || (p && QByteArray(p->metaObject()->className()) == "QDockWidget"))
                    continue;
                QAccessibleInterface *a = QAccessible::queryAccessibleInterface(c);
                const QString name = a ? a->text(QAccessible::Name) : QString();
                if (name.trimmed().isEmpty() || c->toolTip().isEmpty())
                    missing << QStringLiteral("%1 %2 '%3' (%4)")
                                       .arg(tabs->tabText(i),
                                            QString::fromLatin1(c->metaObject()->className()),
                                            name,
                                            c->toolTip().isEmpty() ? QStringLiteral("no tooltip")
                                                                   : QStringLiteral("tooltip"));
            }
        }
        missing.removeDuplicates();
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestWindowControls)
#include "tst_window_controls.moc"
