// SPDX-License-Identifier: MIT
// Importing a landscape JSON file into an open landscape (LandscapeImport::plan applied through
// LandscapeDocument): matches by name, URL and title, skips what is there, one undo step, and
// the round trip into an empty landscape.
#include "LandscapeDocument.h"
#include "LandscapeImport.h"
#include "LandscapeJson.h"
#include "LandscapeStore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace EcoAtlas;

namespace {

QByteArray dumpOf(const Landscape &l)
{
    return QJsonDocument(LandscapeJson::toJson(l, LandscapeJson::Style::Dump)).toJson();
}

Landscape parse(const QByteArray &json)
{
    QString error;
    const std::optional<Landscape> l = LandscapeJson::fromJson(json, &error);
    if (!l)
        qFatal("test document does not parse: %s", qPrintable(error));
    return *l;
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT
private slots:
    void roundTripIntoAnEmptyLandscape()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.ecoatlas"));
        QString error;
        QVERIFY2(LandscapeStore::createFile(path, Landscape(), &error), qPrintable(error));
        LandscapeDocument doc;
        QVERIFY2(doc.open(path, Database::Mode::ReadWrite, &error), qPrintable(error));
        const Landscape seed = LandscapeDocument::seedLandscape();
        LandscapeImport::Report report;
        const ChangeSet change = LandscapeImport::plan(doc.landscape(), seed, "seed.json", &report);
        QCOMPARE(change.text, QStringLiteral("Import seed.json"));
        QCOMPARE(report.organizationsNew, 32);
        QCOMPARE(report.tiesNew, 58);
        QCOMPARE(report.figuresNew, 47);
        QCOMPARE(report.sourcesNew, 5);
        QCOMPARE(report.tiesSkipped, 0);
        QVERIFY2(doc.apply(change, &error), qPrintable(error));
        // The same landscape as the seed's own file, ids included (titles aside).
        Landscape imported = doc.landscape();
        imported.title = seed.title;
        imported.description = seed.description;
        QCOMPARE(dumpOf(imported), dumpOf(seed));
        // One undo step empties it again.
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.landscape().organizations.size(), 0);
        QCOMPARE(doc.landscape().ties.size(), 0);
        // Recorded in the history as one action.
        const QList<HistoryEntry> history = doc.history();
        QCOMPARE(history.first().action, QStringLiteral("Import seed.json"));
        QCOMPARE(history.first().actionId, history.at(32 + 58).actionId);
    }

    void importingTwiceAddsNothing()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        LandscapeImport::Report report;
        const ChangeSet change = LandscapeImport::plan(
                doc.landscape(), LandscapeDocument::seedLandscape(), "again", &report);
        QVERIFY(change.isEmpty());
        QCOMPARE(report.organizationsMatched, 32);
        QCOMPARE(report.sourcesMatched, 5);
        QCOMPARE(report.sectorsMatched, 6);
        QCOMPARE(report.tiesSkipped, 58);
        QCOMPARE(report.figuresSkipped, 47);
        QCOMPARE(report.lines().first(), QStringLiteral("organizations: 0 new, 32 matched"));
    }

    void matchesByChineseNameAliasUrlAndTitle()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        Landscape incoming = parse(
                "{\"format\": \"ecoatlas-landscape\", \"version\": 2,"
                "\"sources\": ["
                "{\"key\": \"s1\", \"publisher\": \"Somebody\", \"title\": \"Other title\","
                "\"url\": \"https://www.ft.com/content/x\", \"date\": \"2023-08\"},"
                "{\"key\": \"s2\", \"publisher\": \"REUTERS\", \"title\": \"new story\", \"url\": "
                "null},"
                "{\"key\": \"s3\", \"publisher\": \"Caixin\", \"title\": \"Moonshot raises\", "
                "\"url\": \"https://www.caixin.com/m\"}],"
                "\"organizations\": ["
                "{\"key\": \"a\", \"name_en\": \"阿里云\"},"
                "{\"key\": \"b\", \"name_en\": \"Moonshot AI\", \"name_zh\": \"月之暗面\", "
                "\"roles\": [\"model_developer\"]},"
                "{\"key\": \"c\", \"name_en\": \"zhipu ai\"}],"
                "\"ties\": ["
                "{\"key\": \"t1\", \"kind\": \"investment\", \"from\": \"a\", \"to\": \"b\", "
                "\"start\": \"2024-02\","
                "\"amount\": {\"value\": 1e9, \"currency\": \"USD\", \"qualifier\": \"over\"}, "
                "\"sources\": [\"s3\"]},"
                "{\"key\": \"t2\", \"kind\": \"partnership\", \"from\": \"c\", \"to\": \"b\", "
                "\"sources\": [\"s1\", \"s2\"]}]"
                "}");
        // s1 is the seed's Financial Times report under another URL, its publisher in capitals.
        const Source ft = doc.landscape().sources.at(1);
        QCOMPARE(ft.publisher, QStringLiteral("Financial Times"));
        incoming.sources[0].publisher = ft.publisher.toUpper();
        incoming.sources[0].title = ft.title;
        LandscapeImport::Report report;
        const ChangeSet change = LandscapeImport::plan(doc.landscape(), incoming, "x", &report);
        QCOMPARE(report.organizationsNew, 1);
        QCOMPARE(report.organizationsMatched, 2);
        QCOMPARE(report.matches,
                 (QList<std::pair<QString, QString>>{
                         {QStringLiteral("阿里云"), QStringLiteral("Alibaba Cloud")},
                         {QStringLiteral("zhipu ai"), QStringLiteral("Zhipu AI")}}));
        QCOMPARE(report.sourcesNew, 2); // s2 (no such title) and s3
        QCOMPARE(report.sourcesMatched, 1);
        QString error;
        QVERIFY2(doc.apply(change, &error), qPrintable(error));
        const Landscape &l = doc.landscape();
        const Organization *moonshot = l.organizationByKey(QStringLiteral("b"));
        QVERIFY(moonshot);
        QCOMPARE(moonshot->id, 33);
        const Tie &invest = l.ties.at(l.ties.size() - 2);
        QCOMPARE(invest.fromId, l.organizationByKey(QStringLiteral("alibaba-cloud"))->id);
        QCOMPARE(invest.toId, moonshot->id);
        QCOMPARE(*invest.amount.value, 1e9);
        QCOMPARE(invest.key, QStringLiteral("t1"));
        const Tie &partner = l.ties.last();
        QCOMPARE(partner.fromId, l.organizationByKey(QStringLiteral("zhipu-ai"))->id);
        QCOMPARE(partner.sourceIds.size(), 2);
        QCOMPARE(partner.sourceIds.first(), ft.id);
    }

    void keysThatClashAreMadeUnique()
    {
        LandscapeDocument doc;
        doc.setLandscape(LandscapeDocument::seedLandscape());
        // "baidu" is taken by Baidu; this is another organization with that key.
        const Landscape incoming = parse(
                "{\"format\": \"ecoatlas-landscape\", \"version\": 2,"
                "\"organizations\": [{\"key\": \"baidu\", \"name_en\": \"Baidu Capital\"}]}");
        const ChangeSet change = LandscapeImport::plan(doc.landscape(), incoming, "x", nullptr);
        QCOMPARE(change.changes.size(), 1);
        QCOMPARE(recordKey(*change.changes.first().after), QStringLiteral("baidu-capital"));
        QString error;
        QVERIFY2(doc.apply(change, &error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
