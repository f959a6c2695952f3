// SPDX-License-Identifier: MIT
// The main window on the offscreen platform: tabs, shared selection, details, undo, tooltips.
#include "DetailsPanel.h"
#include "LandscapeDocument.h"
#include "LandscapeTableModels.h"
#include "MainWindow.h"
#include "NetworkDiagramModel.h"
#include "NetworkFigure.h"
#include "NetworkPage.h"
#include "NetworkView.h"
#include "SphereMapModel.h"
#include "SpherePage.h"
#include "TablePage.h"
#include "ViewState.h"

#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace EcoAtlas;

class TestMainWindow : public QObject
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

    void opensSeedWithEveryView()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        QCOMPARE(w.document()->landscape().organizations.size(), 32);
        auto *tabs = w.findChild<QTabWidget *>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Network"));
        // Organizations, eight tie kinds, all ties, products, figures, sources, deals, sectors.
        QCOMPARE(w.tablePages().size(), 15);
        QCOMPARE(w.tablePages().first()->proxy()->rowCount(), 32);
        QCOMPARE(w.tablePages().at(13)->proxy()->rowCount(), 2); // deals
        QCOMPARE(w.tablePages().at(14)->proxy()->rowCount(), 6); // sectors
        QCOMPARE(w.networkModel()->graph().edges.size(), w.document()->landscape().ties.size());
        QVERIFY(w.windowTitle().contains(QStringLiteral("seed.ecoatlas")));
    }

    void evidenceMenusHideAGrade()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        auto gradeAction = [](QWidget *page, const QString &label) -> QAction * {
            for (QToolButton *b : page->findChildren<QToolButton *>())
                if (b->text() == QLatin1String("Evidence") && b->menu())
                    for (QAction *a : b->menu()->actions())
                        if (a->text() == label)
                            return a;
            return nullptr;
        };
        // Network: 58 ties, 8 of them inferred.
        QAction *inferred = gradeAction(w.networkPage(), QStringLiteral("Inferred"));
        QVERIFY(inferred);
        QCOMPARE(w.networkModel()->graph().edges.size(), 58);
        inferred->setChecked(false);
        QCOMPARE(w.networkModel()->graph().edges.size(), 50);
        inferred->setChecked(true);
        QCOMPARE(w.networkModel()->graph().edges.size(), 58);
        // Sphere map: 26 memberships (hosting, backing, serves), 3 inferred.
        QAction *sphereInferred = gradeAction(w.spherePage(), QStringLiteral("Inferred"));
        QVERIFY(sphereInferred);
        QCOMPARE(w.sphereModel()->membershipTies().size(), 26);
        sphereInferred->setChecked(false);
        QCOMPARE(w.sphereModel()->membershipTies().size(), 23);
    }

    void refusedFileKeepsCurrentLandscape()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        // A refused file: the message box would block, so check through the document.
        QString error;
        QVERIFY(!w.document()->open(m_dir.filePath(QStringLiteral("missing.ecoatlas")),
                                    Database::Mode::ReadWrite,
                                    &error));
        QVERIFY(error.contains(QStringLiteral("no such file")));
        QCOMPARE(w.document()->landscape().organizations.size(), 32);
    }

    void selectionIsShared()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        const RowId baichuan
                = w.document()->landscape().organizationByKey(QStringLiteral("baichuan"))->id;
        w.viewState()->setSelectedOrganization(baichuan);
        // The details panel lists its ties with sources …
        QCOMPARE(w.detailsPanel()->organization(), baichuan);
        const QString details = w.detailsPanel()->toPlainText();
        QVERIFY(details.contains(QStringLiteral("Baichuan Intelligence (百川智能)")));
        QVERIFY(details.contains(QStringLiteral("hosted by Alibaba Cloud")));
        QVERIFY(details.contains(QStringLiteral("hosted by Tencent Cloud")));
        QVERIFY(details.contains(QStringLiteral("Sources: Zhidongxi")));
        // … the network highlights it …
        const NetworkView *view = w.networkPage()->view();
        QCOMPARE(view->figure().highlight(),
                 w.networkModel()->graph().indexOfOrganization(baichuan));
        // … and the organizations table selects its row.
        TablePage *orgs = w.tablePages().first();
        const QModelIndex current = orgs->view()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.siblingAtColumn(0).data().toString(),
                 QStringLiteral("Baichuan Intelligence"));
    }

    void moveIsUndoable()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_db));
        NetworkDiagramModel *model = w.networkModel();
        const RowId id = w.document()->landscape().organizationByKey(QStringLiteral("minimax"))->id;
        const int i = model->graph().indexOfOrganization(id);
        const QPointF before = model->positions().at(i);
        w.undoStack()->push(
                new MoveNodeCommand(model, id, before, false, QPointF(-500, 250), true));
        QCOMPARE(model->positions().at(model->graph().indexOfOrganization(id)), QPointF(-500, 250));
        QVERIFY(model->isPinned(model->graph().indexOfOrganization(id)));
        w.undoStack()->undo();
        QCOMPARE(model->positions().at(model->graph().indexOfOrganization(id)), before);
        QVERIFY(!model->isPinned(model->graph().indexOfOrganization(id)));
        w.undoStack()->redo();
        QCOMPARE(model->positions().at(model->graph().indexOfOrganization(id)), QPointF(-500, 250));
    }

    void positionsAreStoredInTheDatabase()
    {
        const RowId id = [&] {
            MainWindow w;
            w.openFile(m_db);
            NetworkDiagramModel *model = w.networkModel();
            const RowId org
                    = w.document()->landscape().organizationByKey(QStringLiteral("iflytek"))->id;
            model->setNodePosition(
                    model->graph().indexOfOrganization(org), QPointF(321, -123), true);
            return org;
        }();
        MainWindow again;
        QVERIFY(again.openFile(m_db));
        const int i = again.networkModel()->graph().indexOfOrganization(id);
        QCOMPARE(again.networkModel()->positions().at(i), QPointF(321, -123));
        QVERIFY(again.networkModel()->isPinned(i));
    }

    void editingAnOrganizationIsStoredAndUndoable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("edit.ecoatlas"));
        QString error;
        QVERIFY(LandscapeDocument::createSeedDatabase(path, &error));
        RowId id = 0;
        {
            MainWindow w;
            QVERIFY(w.openFile(path));
            id = w.document()->landscape().organizationByKey(QStringLiteral("minimax"))->id;
            TablePage *orgs = w.tablePages().first();
            auto *model = orgs->proxy();
            QModelIndex cell;
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->index(r, OrganizationModel::NameZh).siblingAtColumn(0).data()
                    == QLatin1String("MiniMax"))
                    cell = model->index(r, OrganizationModel::NameZh);
            QVERIFY(cell.isValid());
            QVERIFY(cell.flags() & Qt::ItemIsEditable);
            QVERIFY(model->setData(cell, QStringLiteral("稀宇科技")));
            QCOMPARE(w.document()->landscape().organization(id)->nameZh,
                     QStringLiteral("稀宇科技"));
            // The network labels follow: the node's label is the new bilingual name.
            const int node = w.networkModel()->graph().indexOfOrganization(id);
            QCOMPARE(w.networkModel()->graph().nodes[node].nameZh, QStringLiteral("稀宇科技"));
            // An empty English name is refused and changes nothing. (The edit reset the model:
            // find the row again.)
            QModelIndex name;
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->index(r, 0).data(ModelRole::Id).toLongLong() == id)
                    name = model->index(r, OrganizationModel::NameEn);
            QVERIFY(name.isValid());
            QCOMPARE(name.data(Qt::EditRole).toString(), QStringLiteral("MiniMax"));
            QVERIFY(!model->setData(name, QString()));
            QCOMPARE(w.document()->landscape().organization(id)->nameEn, QStringLiteral("MiniMax"));
            QCOMPARE(w.undoStack()->count(), 1);
            w.undoStack()->undo();
            QCOMPARE(w.document()->landscape().organization(id)->nameZh, QStringLiteral("MiniMax"));
            w.undoStack()->redo();
        }
        // Stored in the file: a fresh open reads the edit back.
        LandscapeDocument again;
        QVERIFY(again.open(path, Database::Mode::ReadOnly, &error));
        QCOMPARE(again.landscape().organization(id)->nameZh, QStringLiteral("稀宇科技"));
    }

    void tooltipShowsMarkupLiterally()
    {
        Landscape l;
        Organization o;
        o.id = 1;
        o.key = QStringLiteral("x");
        o.nameEn = QStringLiteral("<b>x</b>");
        Organization p = o;
        p.id = 2;
        p.key = QStringLiteral("y");
        p.nameEn = QStringLiteral("Y");
        Tie t;
        t.id = 1;
        t.key = QStringLiteral("t");
        t.kind = QStringLiteral("partnership");
        t.fromId = 1;
        t.toId = 2;
        l.organizations = {o, p};
        l.ties = {t};
        LandscapeDocument doc;
        doc.setLandscape(l);
        NetworkDiagramModel model(&doc);
        ViewState state;
        QUndoStack undo;
        NetworkView view(&model, &state, &undo);
        const QString html = view.toolTipHtml(model.graph().indexOfOrganization(1));
        QVERIFY(html.contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;")));
        QVERIFY(!html.contains(QStringLiteral("<b>x</b>")));
    }

    void windowStateIsRemembered()
    {
        {
            MainWindow w;
            w.openFile(m_db);
            w.resize(1111, 777);
            w.findChild<QTabWidget *>()->setCurrentIndex(3);
            w.close();
        }
        MainWindow w;
        QCOMPARE(w.findChild<QTabWidget *>()->currentIndex(), 3);
        QCOMPARE(w.size(), QSize(1111, 777));
        const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
        QCOMPARE(recent.first(), QFileInfo(m_db).absoluteFilePath());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
