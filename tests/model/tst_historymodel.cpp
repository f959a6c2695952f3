// SPDX-License-Identifier: MIT
// HistoryModel over a document's change history (newest first, readable values, reload on
// change), HistoryFilterProxyModel (record text, kind, dates) and the history CSV export
// (RFC 4180, BOM, formula-injection guard).
#include "HistoryCsv.h"
#include "HistoryModel.h"
#include "LandscapeDocument.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

using namespace EcoAtlas;

namespace {

RowId orgId(const LandscapeDocument &doc, const QString &key)
{
    const Organization *o = doc.landscape().organizationByKey(key);
    return o ? o->id : 0;
}

/// The text of `role` at `row`, `column` of `model`.
QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class TestHistoryModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void rowsAndCellsNewestFirst();
    void wholeRecordValues();
    void valueText();
    void reloadsOnChangeAndReset();
    void filterByTextKindAndDate();
    void csvOfHandMadeEntries();
    void csvOfDocumentHistory();
    void csvRefusesUnwritablePath();

private:
    /// Three edits of Baidu: notes, then country, then Chinese name.
    void editBaiduThreeTimes();

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<LandscapeDocument> m_doc;
};

void TestHistoryModel::initTestCase()
{
    // Local time is UTC+8 (China Standard Time, no daylight saving) for the When column.
    qputenv("TZ", "CST-8");
    tzset();
}

void TestHistoryModel::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("history-%1.ecoatlas")
                                    .arg(QString::fromLatin1(QTest::currentTestFunction())));
    QString error;
    QVERIFY2(LandscapeDocument::createSeedDatabase(m_path, &error), qPrintable(error));
    m_doc = std::make_unique<LandscapeDocument>();
    QVERIFY2(m_doc->open(m_path, Database::Mode::ReadWrite, &error), qPrintable(error));
}

void TestHistoryModel::cleanup()
{
    m_doc.reset();
}

void TestHistoryModel::editBaiduThreeTimes()
{
    const RowId baidu = orgId(*m_doc, QStringLiteral("baidu"));
    QVERIFY(baidu > 0);
    QString error;
    QVERIFY2(m_doc->editOrganization(baidu,
                                     QStringLiteral("notes"),
                                     QStringLiteral("Search, \"Ernie\"\nline 2 百度"),
                                     &error),
             qPrintable(error));
    QVERIFY2(
            m_doc->editOrganization(baidu, QStringLiteral("country"), QStringLiteral("hk"), &error),
            qPrintable(error));
    QVERIFY2(m_doc->editOrganization(
                     baidu, QStringLiteral("name_zh"), QStringLiteral("百度公司"), &error),
             qPrintable(error));
}

void TestHistoryModel::rowsAndCellsNewestFirst()
{
    HistoryModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 8);
    editBaiduThreeTimes();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.errorString(), QString());

    const QStringList headers{QStringLiteral("When"),
                              QStringLiteral("Who"),
                              QStringLiteral("Action"),
                              QStringLiteral("Record kind"),
                              QStringLiteral("Record"),
                              QStringLiteral("Field"),
                              QStringLiteral("Old value"),
                              QStringLiteral("New value")};
    for (int c = 0; c < headers.size(); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString(), headers.at(c));

    // Newest first: the Chinese name, then the country, then the notes.
    const QString user = currentUserName();
    QCOMPARE(cell(model, 0, HistoryModel::UserColumn), user);
    QCOMPARE(cell(model, 0, HistoryModel::ActionColumn), QStringLiteral("Edit Chinese name"));
    QCOMPARE(cell(model, 0, HistoryModel::KindColumn), QStringLiteral("Organization"));
    QCOMPARE(cell(model, 0, HistoryModel::RecordColumn), QStringLiteral("Baidu"));
    QCOMPARE(cell(model, 0, HistoryModel::FieldColumn), QStringLiteral("name_zh"));
    QCOMPARE(cell(model, 0, HistoryModel::OldValueColumn), QStringLiteral("百度"));
    QCOMPARE(cell(model, 0, HistoryModel::NewValueColumn), QStringLiteral("百度公司"));

    QCOMPARE(cell(model, 1, HistoryModel::ActionColumn), QStringLiteral("Edit country"));
    QCOMPARE(cell(model, 1, HistoryModel::FieldColumn), QStringLiteral("country"));
    QCOMPARE(cell(model, 1, HistoryModel::OldValueColumn), QStringLiteral("CN"));
    QCOMPARE(cell(model, 1, HistoryModel::NewValueColumn), QStringLiteral("HK"));

    QCOMPARE(cell(model, 2, HistoryModel::ActionColumn), QStringLiteral("Edit notes"));
    QCOMPARE(cell(model, 2, HistoryModel::OldValueColumn),
             QStringLiteral("Robin Li (李彦宏) is founder, chairman and CEO. Owner of Ernie 4.0 / "
                            "Wenxin Yiyan. Ordered Nvidia chips (FT) and 1,600 Asc…"));
    QCOMPARE(cell(model, 2, HistoryModel::OldValueColumn).size(), HistoryModel::kDisplayLength);
    QCOMPARE(cell(model, 2, HistoryModel::OldValueColumn, Qt::ToolTipRole),
             QStringLiteral("Robin Li (李彦宏) is founder, chairman and CEO. Owner of Ernie 4.0 / "
                            "Wenxin Yiyan. Ordered Nvidia chips (FT) and 1,600 Ascend 910B chips "
                            "from Huawei (Reuters)."));
    // Line breaks show as spaces in the cell; the tooltip keeps them.
    QCOMPARE(cell(model, 2, HistoryModel::NewValueColumn),
             QStringLiteral("Search, \"Ernie\" line 2 百度"));
    QCOMPARE(cell(model, 2, HistoryModel::NewValueColumn, Qt::ToolTipRole),
             QStringLiteral("Search, \"Ernie\"\nline 2 百度"));

    // When: local time (UTC+8) of the stored UTC time.
    const QList<HistoryEntry> history = m_doc->history();
    QCOMPARE(history.size(), 3);
    for (int row = 0; row < 3; ++row) {
        const HistoryEntry &e = history.at(2 - row);
        const QString when = cell(model, row, HistoryModel::WhenColumn);
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"))
                         .match(when)
                         .hasMatch(),
                 qPrintable(when));
        QCOMPARE(when,
                 e.at.toUTC().addSecs(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(model.index(row, 0).data(HistoryModel::HistoryIndexRole).toInt(), 2 - row);
        QCOMPARE(model.index(row, 3).data(HistoryModel::KindRole).toInt(),
                 int(RecordKind::Organization));
        QCOMPARE(model.index(row, 4).data(HistoryModel::RecordKeyRole).toString(),
                 QStringLiteral("baidu"));
        QCOMPARE(model.index(row, 0).data(HistoryModel::SortRole).toLongLong(), e.id);
        QCOMPARE(model.entry(row).id, e.id);
        const HistoryEntry fromRole
                = model.index(row, 5).data(HistoryModel::EntryRole).value<HistoryEntry>();
        QCOMPARE(fromRole.id, e.id);
        QCOMPARE(fromRole.newValue, e.newValue);
    }
    QCOMPARE(model.entry(0).newValue, QStringLiteral("\"百度公司\""));
    QCOMPARE(model.entry(3).id, 0); // out of range
    QVERIFY(history.at(0).id < history.at(1).id);
    QVERIFY(history.at(1).id < history.at(2).id);
}

void TestHistoryModel::wholeRecordValues()
{
    HistoryModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Organization o;
    o.nameEn = QStringLiteral("Moonshot AI");
    o.nameZh = QStringLiteral("月之暗面");
    o.country = QStringLiteral("CN");
    o.notes = QStringLiteral("Founded in 2023 by Yang Zhilin; builds the Kimi chat assistant, "
                             "which reads very long documents.");
    QString error;
    QVERIFY2(m_doc->apply(m_doc->addChange(o), &error), qPrintable(error));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, HistoryModel::ActionColumn), QStringLiteral("Add organization"));
    QCOMPARE(cell(model, 0, HistoryModel::RecordColumn), QStringLiteral("Moonshot AI"));
    QCOMPARE(cell(model, 0, HistoryModel::FieldColumn), QStringLiteral("(whole record)"));
    QCOMPARE(cell(model, 0, HistoryModel::OldValueColumn), QStringLiteral("(none)"));
    const QString shown = cell(model, 0, HistoryModel::NewValueColumn);
    const QString full = cell(model, 0, HistoryModel::NewValueColumn, Qt::ToolTipRole);
    QCOMPARE(shown.size(), 120);
    QVERIFY(shown.endsWith(QStringLiteral("…")));
    QCOMPARE(shown.chopped(1), full.left(119));
    QVERIFY(full.size() > 120);
    QVERIFY2(full.startsWith(QStringLiteral("{")) && full.endsWith(QStringLiteral("}")),
             qPrintable(full));
    QVERIFY(full.contains(QStringLiteral("\"name_en\":\"Moonshot AI\"")));
    QVERIFY(full.contains(QStringLiteral("\"name_zh\":\"月之暗面\"")));
    QVERIFY(!full.contains(u'\n'));

    // Deleting it: the whole record is the old value, the new one "(none)".
    const RowId id = orgId(*m_doc, QStringLiteral("moonshot-ai"));
    QVERIFY2(m_doc->apply(m_doc->deleteChange(RecordKind::Organization, id), &error),
             qPrintable(error));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, HistoryModel::ActionColumn), QStringLiteral("Delete Moonshot AI"));
    QCOMPARE(cell(model, 0, HistoryModel::OldValueColumn, Qt::ToolTipRole), full);
    QCOMPARE(cell(model, 0, HistoryModel::NewValueColumn), QStringLiteral("(none)"));
}

void TestHistoryModel::valueText()
{
    QCOMPARE(HistoryModel::valueText(QString()), QStringLiteral("(none)"));
    QCOMPARE(HistoryModel::valueText(QStringLiteral("null")), QStringLiteral("—"));
    QCOMPARE(HistoryModel::valueText(QStringLiteral("\"Zhipu AI\"")), QStringLiteral("Zhipu AI"));
    QCOMPARE(HistoryModel::valueText(QStringLiteral("\"\"")), QString());
    QCOMPARE(HistoryModel::valueText(QStringLiteral("[\"ft-2023\", \"智东西\"]")),
             QStringLiteral("[\"ft-2023\",\"智东西\"]"));
    QCOMPARE(HistoryModel::valueText(QStringLiteral("42.5")), QStringLiteral("42.5"));
    QCOMPARE(HistoryModel::valueText(QStringLiteral("true")), QStringLiteral("true"));
    QCOMPARE(historyValuePlainText(QStringLiteral("null")), QString());
    QCOMPARE(historyValuePlainText(QString()), QString());
    QCOMPARE(historyValuePlainText(QStringLiteral("not json")), QStringLiteral("not json"));
}

void TestHistoryModel::reloadsOnChangeAndReset()
{
    HistoryModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    editBaiduThreeTimes();
    QCOMPARE(model.rowCount(), 3);
    m_doc->undoStack()->undo(); // recorded as one more entry
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(cell(model, 0, HistoryModel::ActionColumn), QStringLiteral("Undo: Edit Chinese name"));
    QCOMPARE(cell(model, 0, HistoryModel::OldValueColumn), QStringLiteral("百度公司"));
    QCOMPARE(cell(model, 0, HistoryModel::NewValueColumn), QStringLiteral("百度"));

    // Opening another file resets the model to that file's history.
    const QString other = m_dir.filePath(QStringLiteral("other.ecoatlas"));
    QString error;
    QVERIFY2(LandscapeDocument::createSeedDatabase(other, &error), qPrintable(error));
    QVERIFY2(m_doc->open(other, Database::Mode::ReadWrite, &error), qPrintable(error));
    QCOMPARE(model.rowCount(), 0);
    m_doc->close();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY2(m_doc->open(m_path, Database::Mode::ReadOnly, &error), qPrintable(error));
    QCOMPARE(model.rowCount(), 4);
}

void TestHistoryModel::filterByTextKindAndDate()
{
    HistoryModel model(m_doc.get());
    HistoryFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    editBaiduThreeTimes();
    QString error;
    QVERIFY2(m_doc->editOrganization(orgId(*m_doc, QStringLiteral("zhipu-ai")),
                                     QStringLiteral("country"),
                                     QStringLiteral("SG"),
                                     &error),
             qPrintable(error));
    // Deleting Baichuan Intelligence also deletes its 6 ties and 2 figures.
    QVERIFY2(m_doc->apply(m_doc->deleteChange(RecordKind::Organization,
                                              orgId(*m_doc, QStringLiteral("baichuan"))),
                          &error),
             qPrintable(error));
    QCOMPARE(model.rowCount(), 13);
    QCOMPARE(proxy.rowCount(), 13);

    // Record text: part of the title or the key, any case.
    proxy.setRecordText(QStringLiteral("BAIDU"));
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setRecordText(QStringLiteral("zhipu-")); // key only (title "Zhipu AI")
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(cell(proxy, 0, HistoryModel::NewValueColumn), QStringLiteral("SG"));
    proxy.setRecordText(QStringLiteral("zhipu ai")); // title only
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setRecordText(QStringLiteral("nobody"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setRecordText(QString());
    QCOMPARE(proxy.recordText(), QString());
    QCOMPARE(proxy.rowCount(), 13);

    // Record kind.
    proxy.setRecordKind(RecordKind::Tie);
    QCOMPARE(proxy.rowCount(), 6);
    for (int row = 0; row < 6; ++row) {
        QCOMPARE(cell(proxy, row, HistoryModel::KindColumn), QStringLiteral("Tie"));
        QCOMPARE(cell(proxy, row, HistoryModel::ActionColumn),
                 QStringLiteral("Delete Baichuan Intelligence"));
    }
    proxy.setRecordKind(RecordKind::Figure);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setRecordKind(RecordKind::Organization);
    QCOMPARE(proxy.rowCount(), 5);
    proxy.setRecordText(QStringLiteral("baichuan"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(cell(proxy, 0, HistoryModel::FieldColumn), QStringLiteral("(whole record)"));
    proxy.setRecordText(QString());
    proxy.setRecordKind(RecordKind::Source);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setRecordKind(std::nullopt);
    QCOMPARE(proxy.rowCount(), 13);

    // Dates (local), both ends included, an invalid end open.
    const QDate first = m_doc->history().first().at.toUTC().addSecs(8 * 3600).date();
    const QDate last = m_doc->history().last().at.toUTC().addSecs(8 * 3600).date();
    proxy.setDateRange(first, last);
    QCOMPARE(proxy.fromDate(), first);
    QCOMPARE(proxy.toDate(), last);
    QCOMPARE(proxy.rowCount(), 13);
    proxy.setDateRange(last.addDays(1), QDate());
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setDateRange(QDate(), first.addDays(-1));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setDateRange(QDate(), last);
    QCOMPARE(proxy.rowCount(), 13);
    proxy.setDateRange(first.addDays(-30), QDate());
    QCOMPARE(proxy.rowCount(), 13);
    proxy.setDateRange(QDate(), QDate());

    // Sorting by When sorts by the history id: ascending gives oldest first.
    proxy.sort(HistoryModel::WhenColumn, Qt::AscendingOrder);
    QCOMPARE(cell(proxy, 0, HistoryModel::FieldColumn), QStringLiteral("notes"));
    QCOMPARE(cell(proxy, 12, HistoryModel::FieldColumn), QStringLiteral("(whole record)"));
    proxy.sort(HistoryModel::WhenColumn, Qt::DescendingOrder);
    QCOMPARE(cell(proxy, 0, HistoryModel::FieldColumn), QStringLiteral("(whole record)"));
    QCOMPARE(cell(proxy, 12, HistoryModel::FieldColumn), QStringLiteral("notes"));
}

void TestHistoryModel::csvOfHandMadeEntries()
{
    HistoryEntry hostile;
    hostile.id = 1;
    hostile.actionId = 1;
    hostile.at = QDateTime(QDate(2024, 3, 5), QTime(6, 7, 8, 9), Qt::UTC);
    hostile.user = QStringLiteral("ana");
    hostile.action = QStringLiteral("Edit notes");
    hostile.kind = RecordKind::Organization;
    hostile.recordId = 6;
    hostile.recordKey = QStringLiteral("baidu");
    hostile.recordTitle = QStringLiteral("Baidu");
    hostile.field = QStringLiteral("notes");
    hostile.oldValue = QStringLiteral(R"json("=HYPERLINK(\"x\")")json");
    hostile.newValue = QStringLiteral(R"json("a, \"b\"\n百度 智能云")json");

    HistoryEntry added;
    added.id = 2;
    added.actionId = 2;
    added.at = QDateTime(QDate(2024, 12, 31), QTime(23, 59, 59), Qt::UTC);
    added.user = QStringLiteral("-rm");
    added.action = QStringLiteral("+Add tie");
    added.kind = RecordKind::Tie;
    added.recordId = 77;
    added.recordKey = QStringLiteral("\tkey");
    added.recordTitle = QStringLiteral("@hosting: Tencent Cloud → Zhipu AI");
    added.newValue = QStringLiteral(R"json({"note": "-5", "kind": "hosting"})json");

    HistoryEntry nulled;
    nulled.id = 3;
    nulled.actionId = 3;
    nulled.at = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 600), Qt::UTC);
    nulled.user = QStringLiteral("王小川");
    nulled.action = QStringLiteral("Edit deal");
    nulled.kind = RecordKind::Deal;
    nulled.recordId = 3;
    nulled.recordKey = QStringLiteral("raise");
    nulled.recordTitle = QStringLiteral("Series A");
    nulled.field = QStringLiteral("amount");
    nulled.oldValue = QStringLiteral("12.5");
    nulled.newValue = QStringLiteral("null");

    const QString path = m_dir.filePath(QStringLiteral("history.csv"));
    QString error;
    QVERIFY2(writeHistoryCsv({hostile, added, nulled}, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray expected
            = QByteArray("\xEF\xBB\xBF")
              + QStringLiteral(
                        "at_utc,user,action,record_kind,record_id,record_key,record_title,field,"
                        "old_value,new_value\r\n"
                        "2024-03-05T06:07:08.009Z,ana,Edit notes,organization,6,baidu,Baidu,notes,"
                        "\"'=HYPERLINK(\"\"x\"\")\",\"a, \"\"b\"\"\n百度 智能云\"\r\n"
                        "2024-12-31T23:59:59.000Z,'-rm,'+Add tie,tie,77,'\tkey,"
                        "'@hosting: Tencent Cloud → Zhipu AI,,,"
                        "\"{\"\"kind\"\":\"\"hosting\"\",\"\"note\"\":\"\"-5\"\"}\"\r\n"
                        "2025-01-02T03:04:05.600Z,王小川,Edit deal,deal,3,raise,Series A,amount,"
                        "12.5,\r\n")
                        .toUtf8();
    QCOMPARE(file.readAll(), expected);
    QCOMPARE(historyCsv({hostile, added, nulled}), expected);

    QCOMPARE(csvCell(QStringLiteral("\rx")), QStringLiteral("\"'\rx\""));
    QCOMPARE(csvCell(QStringLiteral("plain")), QStringLiteral("plain"));
    QCOMPARE(csvCell(QString()), QString());
    QCOMPARE(csvCell(QStringLiteral("a=b")), QStringLiteral("a=b"));

    // Writing again replaces the file.
    QVERIFY2(writeHistoryCsv({}, path, &error), qPrintable(error));
    file.close();
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
             QByteArray("\xEF\xBB\xBF"
                        "at_utc,user,action,record_kind,record_id,record_key,record_title,field,"
                        "old_value,new_value\r\n"));
}

void TestHistoryModel::csvOfDocumentHistory()
{
    editBaiduThreeTimes();
    const QList<HistoryEntry> history = m_doc->history();
    const QString path = m_dir.filePath(QStringLiteral("document.csv"));
    QString error;
    QVERIFY2(writeHistoryCsv(history, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QStringList lines = text.split(QStringLiteral("\r\n"));
    QCOMPARE(lines.size(), 5); // header, 3 rows, the empty rest after the last CRLF
    QCOMPARE(lines.at(4), QString());
    const QString at = history.at(2).at.toUTC().toString(Qt::ISODateWithMs);
    QVERIFY(at.endsWith(u'Z'));
    QCOMPARE(lines.at(3),
             at + u',' + csvCell(currentUserName())
                     + QStringLiteral(",Edit Chinese name,organization,%1,baidu,Baidu,name_zh,"
                                      "百度,百度公司")
                               .arg(orgId(*m_doc, QStringLiteral("baidu"))));
    QVERIFY(lines.at(1).endsWith(QStringLiteral("\"Search, \"\"Ernie\"\"\nline 2 百度\"")));
}

void TestHistoryModel::csvRefusesUnwritablePath()
{
    QString error;
    const QString path = m_dir.filePath(QStringLiteral("missing/folder/history.csv"));
    QVERIFY(!writeHistoryCsv({}, path, &error));
    QVERIFY2(error.startsWith(QStringLiteral("cannot write ") + path), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestHistoryModel)
#include "tst_historymodel.moc"
