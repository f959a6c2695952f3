// SPDX-License-Identifier: MIT
// HistoryPanel driven with QTest: select a change in the table with the mouse and revert it,
// the filter controls, Revert disabled without a selection or in a read-only document, and
// the CSV export of the rows shown.
#include "HistoryModel.h"
#include "HistoryPanel.h"
#include "LandscapeDocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace EcoAtlas;

class TestHistoryPanel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void revertSecondRowWithTheMouse();
    void filterControls();
    void revertDisabledWhenReadOnly();
    void exportShownRows();

private:
    /// Three edits of Baidu: notes, then country (CN → HK), then Chinese name.
    void editBaiduThreeTimes();
    /// Clicks row `row` of the panel's table.
    void clickRow(HistoryPanel &panel, int row);

    QTemporaryDir m_dir;
    QString m_path;
    RowId m_baidu = 0;
    std::unique_ptr<LandscapeDocument> m_doc;
};

void TestHistoryPanel::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("panel-%1.ecoatlas")
                                    .arg(QString::fromLatin1(QTest::currentTestFunction())));
    QString error;
    QVERIFY2(LandscapeDocument::createSeedDatabase(m_path, &error), qPrintable(error));
    m_doc = std::make_unique<LandscapeDocument>();
    QVERIFY2(m_doc->open(m_path, Database::Mode::ReadWrite, &error), qPrintable(error));
    m_baidu = m_doc->landscape().organizationByKey(QStringLiteral("baidu"))->id;
}

void TestHistoryPanel::cleanup()
{
    m_doc.reset();
}

void TestHistoryPanel::editBaiduThreeTimes()
{
    QString error;
    QVERIFY2(m_doc->editOrganization(
                     m_baidu, QStringLiteral("notes"), QStringLiteral("Search engine"), &error),
             qPrintable(error));
    QVERIFY2(m_doc->editOrganization(
                     m_baidu, QStringLiteral("country"), QStringLiteral("HK"), &error),
             qPrintable(error));
    QVERIFY2(m_doc->editOrganization(
                     m_baidu, QStringLiteral("name_zh"), QStringLiteral("百度公司"), &error),
             qPrintable(error));
}

void TestHistoryPanel::clickRow(HistoryPanel &panel, int row)
{
    QTableView *view = panel.view();
    const QRect rect = view->visualRect(view->model()->index(row, HistoryModel::RecordColumn));
    QVERIFY(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

void TestHistoryPanel::revertSecondRowWithTheMouse()
{
    HistoryPanel panel(m_doc.get());
    panel.resize(1000, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!panel.revertButton()->isEnabled()); // nothing selected
    editBaiduThreeTimes();
    QCOMPARE(panel.view()->model()->rowCount(), 3);
    QCOMPARE(panel.model()->rowCount(), 3);

    clickRow(panel, 1);
    const QModelIndexList selected = panel.view()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().row(), 1);
    QCOMPARE(selected.first().siblingAtColumn(HistoryModel::FieldColumn).data().toString(),
             QStringLiteral("country"));
    QCOMPARE(selected.first().siblingAtColumn(HistoryModel::OldValueColumn).data().toString(),
             QStringLiteral("CN"));
    QVERIFY(panel.revertButton()->isEnabled());

    QTest::mouseClick(panel.revertButton(), Qt::LeftButton);
    const Organization *baidu = m_doc->landscape().organization(m_baidu);
    QCOMPARE(baidu->country, QStringLiteral("CN"));
    QCOMPARE(baidu->nameZh, QStringLiteral("百度公司")); // the later edit stays
    QCOMPARE(baidu->notes, QStringLiteral("Search engine"));
    QCOMPARE(panel.model()->rowCount(), 4);
    const QAbstractItemModel *shown = panel.view()->model();
    QCOMPARE(shown->index(0, HistoryModel::ActionColumn).data().toString(),
             QStringLiteral("Revert country of Baidu"));
    QCOMPARE(shown->index(0, HistoryModel::OldValueColumn).data().toString(), QStringLiteral("HK"));
    QCOMPARE(shown->index(0, HistoryModel::NewValueColumn).data().toString(), QStringLiteral("CN"));
    QVERIFY(!panel.revertButton()->isEnabled()); // the reload cleared the selection

    // The revert is one undoable change.
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->landscape().organization(m_baidu)->country, QStringLiteral("HK"));
    QCOMPARE(panel.model()->rowCount(), 5);
}

void TestHistoryPanel::filterControls()
{
    HistoryPanel panel(m_doc.get());
    editBaiduThreeTimes();
    QString error;
    QVERIFY2(m_doc->apply(
                     m_doc->deleteChange(
                             RecordKind::Organization,
                             m_doc->landscape().organizationByKey(QStringLiteral("baichuan"))->id),
                     &error),
             qPrintable(error));
    const QAbstractItemModel *shown = panel.view()->model();
    QCOMPARE(shown->rowCount(), 12); // 3 edits; Baichuan with 6 ties and 2 figures

    auto *search = panel.findChild<QLineEdit *>();
    auto *kind = panel.findChild<QComboBox *>();
    auto *dates = panel.findChild<QCheckBox *>();
    const QList<QDateEdit *> edits = panel.findChildren<QDateEdit *>();
    QVERIFY(search && kind && dates);
    QCOMPARE(edits.size(), 2);
    for (QWidget *w : std::initializer_list<QWidget *>{search,
                                                       kind,
                                                       dates,
                                                       edits.at(0),
                                                       edits.at(1),
                                                       panel.view(),
                                                       panel.revertButton(),
                                                       panel.exportButton()}) {
        QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->toolTip().isEmpty(), w->metaObject()->className());
    }

    QTest::keyClicks(search, QStringLiteral("BAIDU"));
    QCOMPARE(shown->rowCount(), 3);
    search->clear();
    QCOMPARE(shown->rowCount(), 12);

    QCOMPARE(kind->count(), 8);
    QCOMPARE(kind->itemText(0), QStringLiteral("All records"));
    QCOMPARE(kind->itemText(6), QStringLiteral("Tie"));
    kind->setCurrentIndex(6);
    QCOMPARE(shown->rowCount(), 6);
    kind->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), 12);

    QVERIFY(!edits.at(0)->isEnabled());
    dates->setChecked(true);
    QVERIFY(edits.at(0)->isEnabled());
    QVERIFY(edits.at(1)->isEnabled());
    const QDate today = QDate::currentDate();
    edits.at(0)->setDate(today.addDays(1));
    edits.at(1)->setDate(today.addDays(2));
    QCOMPARE(shown->rowCount(), 0);
    edits.at(0)->setDate(today.addDays(-1));
    edits.at(1)->setDate(today.addDays(1));
    QCOMPARE(shown->rowCount(), 12);
    edits.at(0)->setDate(today.addDays(1));
    dates->setChecked(false); // open range again
    QCOMPARE(shown->rowCount(), 12);
}

void TestHistoryPanel::revertDisabledWhenReadOnly()
{
    editBaiduThreeTimes();
    QString error;
    QVERIFY2(m_doc->open(m_path, Database::Mode::ReadOnly, &error), qPrintable(error));
    HistoryPanel panel(m_doc.get());
    panel.resize(1000, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.view()->model()->rowCount(), 3);
    clickRow(panel, 1);
    QCOMPARE(panel.view()->selectionModel()->selectedRows().size(), 1);
    QVERIFY(!panel.revertButton()->isEnabled());
    QVERIFY(!panel.revertSelected(&error));
    QCOMPARE(m_doc->landscape().organization(m_baidu)->country, QStringLiteral("HK"));
}

void TestHistoryPanel::exportShownRows()
{
    HistoryPanel panel(m_doc.get());
    editBaiduThreeTimes();
    panel.findChild<QLineEdit *>()->setText(QStringLiteral("baidu"));
    panel.proxy()->setRecordKind(RecordKind::Organization);
    const QString path = m_dir.filePath(QStringLiteral("shown.csv"));
    QString error;
    QVERIFY2(panel.exportShownRows(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                             "at_utc,user,action,record_kind,record_id,record_key,"
                             "record_title,field,old_value,new_value\r\n"));
    const QStringList lines = QString::fromUtf8(bytes).split(QStringLiteral("\r\n"));
    QCOMPARE(lines.size(), 5);
    // In the view's order: newest first.
    QVERIFY2(lines.at(1).endsWith(QStringLiteral(",Edit Chinese name,organization,%1,baidu,Baidu,"
                                                 "name_zh,百度,百度公司")
                                          .arg(m_baidu)),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).endsWith(QStringLiteral(",country,CN,HK")), qPrintable(lines.at(2)));
    QVERIFY2(lines.at(3).endsWith(QStringLiteral(",notes,\"Robin Li (李彦宏) is founder, chairman "
                                                 "and CEO. Owner of Ernie 4.0 / Wenxin Yiyan. "
                                                 "Ordered Nvidia chips (FT) and 1,600 Ascend 910B "
                                                 "chips from Huawei (Reuters).\",Search engine")),
             qPrintable(lines.at(3)));
}

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
