// SPDX-License-Identifier: MIT
// Record changes through LandscapeDocument: add, edit, delete with dependents, merge, undo and
// redo restoring the database exactly, and the change history with revert.
#include "LandscapeDocument.h"
#include "LandscapeJson.h"
#include "LandscapeStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace EcoAtlas;

namespace {

/// The landscape as stored in `path`, as a dump (ids included), read through a fresh
/// connection: what "the database" holds.
QByteArray storedDump(const QString &path)
{
    Database db;
    QString error;
    if (!db.open(path, Database::Mode::ReadOnly, &error))
        return error.toUtf8();
    const std::optional<Landscape> l = LandscapeStore::load(db, &error);
    if (!l)
        return error.toUtf8();
    return QJsonDocument(LandscapeJson::toJson(*l, LandscapeJson::Style::Dump)).toJson();
}

RowId orgId(const LandscapeDocument &doc, const QString &key)
{
    const Organization *o = doc.landscape().organizationByKey(key);
    return o ? o->id : 0;
}

RowId sourceId(const LandscapeDocument &doc, const QString &key)
{
    for (const Source &s : doc.landscape().sources)
        if (s.key == key)
            return s.id;
    return 0;
}

} // namespace

class TestEditing : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void addOrganization();
    void addTieWithNewSourceIsOneStep();
    void editFuzzyDateAndBoundedAmount();
    void invalidRecordsAreRefusedAndNothingWritten();
    void deleteOrganizationTakesItsDependents();
    void mergeOrganizations();
    void historyOfTwentyEditsAndRevert();
    void readOnlyRefusesChanges();

private:
    QString m_path;
    QTemporaryDir m_dir;
    std::unique_ptr<LandscapeDocument> m_doc;
};

void TestEditing::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("edit-%1.ecoatlas")
                                    .arg(QString::fromLatin1(QTest::currentTestFunction())));
    QString error;
    QVERIFY2(LandscapeDocument::createSeedDatabase(m_path, &error), qPrintable(error));
    m_doc = std::make_unique<LandscapeDocument>();
    QVERIFY2(m_doc->open(m_path, Database::Mode::ReadWrite, &error), qPrintable(error));
}

void TestEditing::cleanup()
{
    m_doc.reset();
}

void TestEditing::addOrganization()
{
    const QByteArray before = storedDump(m_path);
    const int count = m_doc->landscape().organizations.size();
    Organization o;
    o.nameEn = QStringLiteral("Moonshot AI");
    o.nameZh = QStringLiteral("月之暗面");
    o.aliases = {QStringLiteral("Yuezhi Anmian")};
    o.roles = {QStringLiteral("model_developer")};
    o.country = QStringLiteral("CN");
    QSignalSpy changed(m_doc.get(), &LandscapeDocument::landscapeChanged);
    QString error;
    const ChangeSet add = m_doc->addChange(o);
    QCOMPARE(add.text, QStringLiteral("Add organization"));
    QVERIFY2(m_doc->apply(add, &error), qPrintable(error));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_doc->landscape().organizations.size(), count + 1);
    const Organization *added = m_doc->landscape().organizationByKey(QStringLiteral("moonshot-ai"));
    QVERIFY(added);
    QCOMPARE(added->id, 33); // the seed has 32
    QCOMPARE(added->nameZh, QStringLiteral("月之暗面"));
    const QByteArray withOrg = storedDump(m_path);
    QVERIFY(withOrg.contains("\"moonshot-ai\""));
    QVERIFY(withOrg.contains("Yuezhi Anmian"));

    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->landscape().organizations.size(), count);
    QCOMPARE(storedDump(m_path), before);
    m_doc->undoStack()->redo();
    QCOMPARE(storedDump(m_path), withOrg);

    // Reopening the file shows the same landscape.
    m_doc = std::make_unique<LandscapeDocument>();
    QVERIFY2(m_doc->open(m_path, Database::Mode::ReadWrite, &error), qPrintable(error));
    QCOMPARE(QJsonDocument(LandscapeJson::toJson(m_doc->landscape(), LandscapeJson::Style::Dump))
                     .toJson(),
             withOrg);
}

void TestEditing::addTieWithNewSourceIsOneStep()
{
    const QByteArray before = storedDump(m_path);
    Source s;
    s.publisher = QStringLiteral("Reuters");
    s.title = QStringLiteral("Tencent Cloud to host Zhipu AI");
    s.url = QStringLiteral("https://www.reuters.com/example");
    s.date = FuzzyDate::fromString(QStringLiteral("2024-03"));
    ChangeSet set = m_doc->addChange(s);
    const Source added = std::get<Source>(*set.changes.first().after);
    QCOMPARE(added.id, 6);
    QCOMPARE(added.key, QStringLiteral("reuters-tencent-cloud-to-host-zhipu-ai"));

    Tie t;
    t.kind = QStringLiteral("hosting");
    t.service = QStringLiteral("general");
    t.fromId = orgId(*m_doc, QStringLiteral("tencent-cloud"));
    t.toId = orgId(*m_doc, QStringLiteral("zhipu-ai"));
    t.start = FuzzyDate::fromString(QStringLiteral("2024-03"));
    t.sourceIds = {added.id};
    const ChangeSet tie = m_doc->addChange(t);
    set.changes += tie.changes;
    set.text = QStringLiteral("Add tie");
    QString error;
    const int ties = m_doc->landscape().ties.size();
    QVERIFY2(m_doc->apply(set, &error), qPrintable(error));
    QCOMPARE(m_doc->landscape().ties.size(), ties + 1);
    const Tie &stored = m_doc->landscape().ties.last();
    QCOMPARE(stored.sourceIds, QList<RowId>{6});
    QCOMPARE(m_doc->undoStack()->count(), 1);
    m_doc->undoStack()->undo();
    QCOMPARE(storedDump(m_path), before);
    QCOMPARE(m_doc->landscape().sources.size(), 5);
}

void TestEditing::editFuzzyDateAndBoundedAmount()
{
    // The Tencent investment in Zhipu AI: give it a late-October date and an "up to" amount.
    const Tie *found = nullptr;
    for (const Tie &t : m_doc->landscape().ties)
        if (t.kind == QLatin1String("investment"))
            found = &t;
    QVERIFY(found);
    const RowId id = found->id;
    const QByteArray before = storedDump(m_path);
    Tie edited = *found;
    edited.start = FuzzyDate::fromString(QStringLiteral("2023-10-late"));
    edited.amount.value = 4e9;
    edited.amount.currency = QStringLiteral("USD");
    edited.amount.qualifier = Amount::Qualifier::UpTo;
    QString error;
    QVERIFY2(m_doc->apply(m_doc->editChange(edited), &error), qPrintable(error));
    const Tie *now = m_doc->landscape().tie(id);
    QCOMPARE(now->start.earliest(), QDate(2023, 10, 21));
    QCOMPARE(now->start.latest(), QDate(2023, 10, 31));
    QCOMPARE(*now->amount.value, 4e9);
    QCOMPARE(now->amount.qualifier, Amount::Qualifier::UpTo);
    const QByteArray after = storedDump(m_path);
    QVERIFY(after.contains("\"text\": \"2023-10-late\""));
    m_doc->undoStack()->undo();
    QCOMPARE(storedDump(m_path), before);
    m_doc->undoStack()->redo();
    QCOMPARE(storedDump(m_path), after);
}

void TestEditing::invalidRecordsAreRefusedAndNothingWritten()
{
    const QByteArray before = storedDump(m_path);
    QString error;
    Organization unnamed;
    unnamed.key = QStringLiteral("x");
    QVERIFY(!m_doc->apply(m_doc->addChange(unnamed), &error));
    QCOMPARE(error, QStringLiteral("organization 'x': name_en: is required"));

    Tie self;
    self.kind = QStringLiteral("partnership");
    self.fromId = self.toId = orgId(*m_doc, QStringLiteral("baidu"));
    QVERIFY(!m_doc->apply(m_doc->addChange(self), &error));
    QVERIFY2(error.endsWith(QStringLiteral("to: a tie needs two different organizations")),
             qPrintable(error));

    Tie claim;
    claim.kind = QStringLiteral("partnership");
    claim.fromId = orgId(*m_doc, QStringLiteral("baidu"));
    claim.toId = orgId(*m_doc, QStringLiteral("huawei"));
    claim.evidence.grade = EvidenceGrade::Claimed;
    QVERIFY(!m_doc->apply(m_doc->addChange(claim), &error));
    QVERIFY2(error.contains(QStringLiteral("a claimed item needs a claimant")), qPrintable(error));

    Organization badCountry = *m_doc->landscape().organizationByKey(QStringLiteral("baidu"));
    badCountry.country = QStringLiteral("China");
    QVERIFY(!m_doc->apply(m_doc->editChange(badCountry), &error));
    QCOMPARE(error,
             QStringLiteral("organization 'baidu': country: 'China' is not an ISO 3166 country "
                            "code such as CN"));
    QCOMPARE(m_doc->check(badCountry),
             QStringLiteral("country: 'China' is not an ISO 3166 country code such as CN"));

    QCOMPARE(m_doc->undoStack()->count(), 0);
    QCOMPARE(storedDump(m_path), before);
    QVERIFY(m_doc->history().isEmpty());
}

void TestEditing::deleteOrganizationTakesItsDependents()
{
    const QByteArray before = storedDump(m_path);
    const RowId baichuan = orgId(*m_doc, QStringLiteral("baichuan"));
    const ChangeSet del = m_doc->deleteChange(RecordKind::Organization, baichuan);
    QCOMPARE(del.text, QStringLiteral("Delete Baichuan Intelligence"));
    QCOMPARE(LandscapeDocument::consequences(del, RecordKind::Organization),
             QStringLiteral("also deletes 6 ties and 2 figures"));
    const int ties = m_doc->landscape().ties.size();
    const int figures = m_doc->landscape().figures.size();
    QString error;
    QVERIFY2(m_doc->apply(del, &error), qPrintable(error));
    QVERIFY(!m_doc->landscape().organization(baichuan));
    QCOMPARE(m_doc->landscape().ties.size(), ties - 6);
    QCOMPARE(m_doc->landscape().figures.size(), figures - 2);
    const QByteArray after = storedDump(m_path);
    QVERIFY(!after.contains("\"baichuan\""));
    m_doc->undoStack()->undo();
    QCOMPARE(storedDump(m_path), before);
    m_doc->undoStack()->redo();
    QCOMPARE(storedDump(m_path), after);

    // A source cited by others: their citations go, the records stay.
    const RowId ft = sourceId(*m_doc, QStringLiteral("ft-2023-08"));
    const ChangeSet delSource = m_doc->deleteChange(RecordKind::Source, ft);
    QVERIFY(LandscapeDocument::consequences(delSource, RecordKind::Source)
                    .startsWith(QStringLiteral("removes references to it from ")));
    QVERIFY2(m_doc->apply(delSource, &error), qPrintable(error));
    for (const Tie &t : m_doc->landscape().ties)
        QVERIFY(!t.sourceIds.contains(ft));
    m_doc->undoStack()->undo();
    m_doc->undoStack()->undo();
    QCOMPARE(storedDump(m_path), before);
}

void TestEditing::mergeOrganizations()
{
    // A duplicate, as an import makes it, with one tie of its own.
    Organization dup;
    dup.nameEn = QStringLiteral("Zhipu");
    dup.nameZh = QStringLiteral("智谱华章");
    dup.roles = {QStringLiteral("model_developer"), QStringLiteral("industry_client")};
    QString error;
    QVERIFY2(m_doc->apply(m_doc->addChange(dup), &error), qPrintable(error));
    const RowId dupId = orgId(*m_doc, QStringLiteral("zhipu"));
    QVERIFY(dupId);
    Tie t;
    t.kind = QStringLiteral("partnership");
    t.fromId = orgId(*m_doc, QStringLiteral("huawei-cloud"));
    t.toId = dupId;
    t.evidence.grade = EvidenceGrade::Inferred;
    t.evidence.rationale = QStringLiteral("test");
    QVERIFY2(m_doc->apply(m_doc->addChange(t), &error), qPrintable(error));
    const QByteArray before = storedDump(m_path);

    const RowId zhipu = orgId(*m_doc, QStringLiteral("zhipu-ai"));
    const int ties = m_doc->landscape().ties.size();
    const ChangeSet merge = m_doc->mergeChange(zhipu, dupId);
    QCOMPARE(merge.text, QStringLiteral("Merge Zhipu into Zhipu AI"));
    QVERIFY2(m_doc->apply(merge, &error), qPrintable(error));
    QVERIFY(!m_doc->landscape().organization(dupId));
    QCOMPARE(m_doc->landscape().ties.size(), ties);
    const Organization *kept = m_doc->landscape().organization(zhipu);
    QVERIFY(kept->aliases.contains(QStringLiteral("Zhipu")));
    QVERIFY(kept->aliases.contains(QStringLiteral("智谱华章")));
    QVERIFY(kept->roles.contains(QStringLiteral("industry_client")));
    int toZhipu = 0;
    for (const Tie &x : m_doc->landscape().ties)
        toZhipu += x.toId == zhipu && x.kind == QLatin1String("partnership");
    QCOMPARE(toZhipu, 1);
    QCOMPARE(m_doc->undoStack()->count(), 3);
    m_doc->undoStack()->undo();
    QCOMPARE(storedDump(m_path), before);
}

void TestEditing::historyOfTwentyEditsAndRevert()
{
    const RowId baidu = orgId(*m_doc, QStringLiteral("baidu"));
    const QString original = m_doc->landscape().organization(baidu)->notes;
    QString error;
    for (int i = 1; i <= 20; ++i)
        QVERIFY2(m_doc->editOrganization(
                         baidu, QStringLiteral("notes"), QStringLiteral("note %1").arg(i), &error),
                 qPrintable(error));
    const QList<HistoryEntry> history = m_doc->history(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(history.size(), 20);
    for (int i = 0; i < 20; ++i) {
        const HistoryEntry &e = history.at(i);
        QCOMPARE(e.kind, RecordKind::Organization);
        QCOMPARE(e.recordId, baidu);
        QCOMPARE(e.field, QStringLiteral("notes"));
        QCOMPARE(e.actionId, i + 1);
        QCOMPARE(e.action, QStringLiteral("Edit notes"));
        QCOMPARE(e.user, currentUserName());
        QCOMPARE(e.newValue, QStringLiteral("\"note %1\"").arg(i + 1));
        const QString old = i == 0 ? QString::fromUtf8(QJsonDocument(QJsonArray{original})
                                                               .toJson(QJsonDocument::Compact))
                                             .chopped(1)
                                             .mid(1)
                                   : QStringLiteral("\"note %1\"").arg(i);
        QCOMPARE(e.oldValue, old);
    }
    // Also a name change, then revert the 5th notes edit only: the notes go back to "note 4",
    // the name stays.
    QVERIFY(m_doc->editOrganization(
            baidu, QStringLiteral("name_en"), QStringLiteral("Baidu Inc"), &error));
    QVERIFY2(m_doc->revert(history.at(4), &error), qPrintable(error));
    const Organization *now = m_doc->landscape().organization(baidu);
    QCOMPARE(now->notes, QStringLiteral("note 4"));
    QCOMPARE(now->nameEn, QStringLiteral("Baidu Inc"));
    const QList<HistoryEntry> after = m_doc->history();
    QCOMPARE(after.size(), 22);
    QCOMPARE(after.last().action, QStringLiteral("Revert notes of Baidu"));
    QCOMPARE(after.last().oldValue, QStringLiteral("\"note 20\""));
    QCOMPARE(after.last().newValue, QStringLiteral("\"note 4\""));
    // Undo is recorded too.
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->landscape().organization(baidu)->notes, QStringLiteral("note 20"));
    QCOMPARE(m_doc->history().last().action, QStringLiteral("Undo: Revert notes of Baidu"));

    // Reverting an added record deletes it.
    Organization o;
    o.nameEn = QStringLiteral("Temp Org");
    QVERIFY(m_doc->apply(m_doc->addChange(o), &error));
    const HistoryEntry added = m_doc->history().last();
    QCOMPARE(added.field, QString());
    QVERIFY(added.oldValue.isEmpty());
    QVERIFY(added.newValue.contains(QStringLiteral("\"name_en\":\"Temp Org\"")));
    QVERIFY2(m_doc->revert(added, &error), qPrintable(error));
    QVERIFY(!m_doc->landscape().organizationByKey(QStringLiteral("temp-org")));
}

void TestEditing::readOnlyRefusesChanges()
{
    m_doc = std::make_unique<LandscapeDocument>();
    QString error;
    QVERIFY2(m_doc->open(m_path, Database::Mode::ReadOnly, &error), qPrintable(error));
    const QByteArray before = storedDump(m_path);
    Organization o;
    o.nameEn = QStringLiteral("Nope");
    QVERIFY(!m_doc->apply(m_doc->addChange(o), &error));
    QVERIFY2(error.endsWith(QStringLiteral("is open read-only")), qPrintable(error));
    QCOMPARE(storedDump(m_path), before);
}

QTEST_GUILESS_MAIN(TestEditing)
#include "tst_editing.moc"
