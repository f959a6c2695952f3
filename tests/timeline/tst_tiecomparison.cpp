// SPDX-License-Identifier: MIT
// The time cursor and the compare mode: which ties are present on a date (on either basis),
// the same counts the shared TieFilterModel gives, and the ties added, removed or changed
// between two dates.
#include "LandscapeDocument.h"
#include "LandscapeTableModels.h"
#include "NetworkGraph.h"
#include "TieComparison.h"

#include <QTest>

using namespace EcoAtlas;

namespace {

const Landscape &seed()
{
    static const Landscape l = LandscapeDocument::seedLandscape();
    return l;
}

const Tie *tie(const Landscape &l, const char *key)
{
    for (const Tie &t : l.ties)
        if (t.key == QLatin1String(key))
            return &t;
    return nullptr;
}

int presentOn(const Landscape &l, QDate date, ViewState::TimeBasis basis)
{
    int n = 0;
    for (const Tie &t : l.ties)
        n += TieComparison::isPresent(l, t, date, basis) ? 1 : 0;
    return n;
}

using Basis = ViewState::TimeBasis;

} // namespace

class TestTieComparison : public QObject
{
    Q_OBJECT
private slots:
    void cursorAroundAmazonAnthropic()
    {
        // Amazon → Anthropic began on 28 September 2023; nothing else starts that day.
        const Tie *amazon = tie(seed(), "amazon-invests-anthropic");
        QVERIFY(amazon);
        const QDate day = amazon->start.earliest();
        QCOMPARE(day, QDate(2023, 9, 28));
        QVERIFY(!TieComparison::isPresent(seed(), *amazon, day.addDays(-1), Basis::Began));
        QVERIFY(TieComparison::isPresent(seed(), *amazon, day, Basis::Began));
        QCOMPARE(presentOn(seed(), day, Basis::Began)
                         - presentOn(seed(), day.addDays(-1), Basis::Began),
                 1);
        // Ties with an unknown start stay present on every date; dated ones wait for their day.
        int undated = 0;
        for (const Tie &t : seed().ties)
            undated += t.start.isValid() ? 0 : 1;
        QCOMPARE(presentOn(seed(), QDate(1999, 1, 1), Basis::Began), undated);
        QCOMPARE(presentOn(seed(), QDate(2030, 1, 1), Basis::Began), int(seed().ties.size()));
    }

    void cursorMatchesTheSharedFilterModel()
    {
        LandscapeDocument doc;
        doc.setLandscape(seed());
        TieModel ties(&doc);
        TieFilterModel filter(&doc.landscape());
        filter.setSourceModel(&ties);
        for (Basis basis : {Basis::Began, Basis::Published}) {
            for (QDate d : {QDate(2023, 7, 31),
                            QDate(2023, 8, 1),
                            QDate(2023, 9, 27),
                            QDate(2023, 9, 28),
                            QDate(2023, 10, 20),
                            QDate(2023, 10, 21),
                            QDate(2023, 11, 1)}) {
                filter.setAsOf(d, basis);
                QCOMPARE(filter.rowCount(), presentOn(doc.landscape(), d, basis));
            }
        }
    }

    void publishedBasis()
    {
        // Amazon → Anthropic is cited only by Zhidongxi (Nov 2023): public from 1 November.
        const Tie *amazon = tie(seed(), "amazon-invests-anthropic");
        QVERIFY(!TieComparison::isPresent(seed(), *amazon, QDate(2023, 10, 31), Basis::Published));
        QVERIFY(TieComparison::isPresent(seed(), *amazon, QDate(2023, 11, 1), Basis::Published));
        // The Nvidia orders were public from the FT in August 2023.
        const Tie *order = tie(seed(), "tencent-orders-nvidia-2024");
        QVERIFY(!TieComparison::isPresent(seed(), *order, QDate(2023, 7, 31), Basis::Published));
        QVERIFY(TieComparison::isPresent(seed(), *order, QDate(2023, 8, 1), Basis::Published));
    }

    void compareMarksAddedTies()
    {
        // September to mid November 2023: Amazon (28 Sep), Google (late Oct), Tencent–Songjiang
        // (9 Nov) began; Baidu's (undated, so always present) Ascend order was reported in
        // November. The 2024 Nvidia tranche is ordered since August: unchanged.
        const auto c = TieComparison::compare(
                seed(), QDate(2023, 9, 1), QDate(2023, 11, 15), Basis::Began);
        QList<RowId> expectedAdded{tie(seed(), "amazon-invests-anthropic")->id,
                                   tie(seed(), "google-invests-anthropic")->id,
                                   tie(seed(), "tencent-songjiang-gpu-center")->id};
        std::sort(expectedAdded.begin(), expectedAdded.end());
        QList<RowId> added = c.added;
        std::sort(added.begin(), added.end());
        QCOMPARE(added, expectedAdded);
        QVERIFY(c.removed.isEmpty());
        QList<RowId> expectedChanged;
        for (const char *k : {"baidu-orders-huawei-ascend-910b"})
            expectedChanged << tie(seed(), k)->id;
        std::sort(expectedChanged.begin(), expectedChanged.end());
        QList<RowId> changed = c.changed;
        std::sort(changed.begin(), changed.end());
        QCOMPARE(changed, expectedChanged);

        // Reversed dates: the same ties, now "removed".
        const auto back = TieComparison::compare(
                seed(), QDate(2023, 11, 15), QDate(2023, 9, 1), Basis::Began);
        QCOMPARE(back.removed.size(), 3);
        QVERIFY(back.added.isEmpty());

        // Same date: nothing.
        QVERIFY(TieComparison::compare(seed(), QDate(2023, 10, 1), QDate(2023, 10, 1), Basis::Began)
                        .isEmpty());
    }

    void compareOnPublicationBasis()
    {
        // Everything only Zhidongxi cites became public in November 2023.
        const auto c = TieComparison::compare(
                seed(), QDate(2023, 10, 31), QDate(2023, 11, 30), Basis::Published);
        QVERIFY(c.added.contains(tie(seed(), "amazon-invests-anthropic")->id));
        QVERIFY(c.added.contains(tie(seed(), "tencent-cloud-hosts-minimax")->id));
        // The Nvidia orders were public already (FT, August).
        QVERIFY(!c.added.contains(tie(seed(), "tencent-orders-nvidia-2024")->id));
    }

    void compareRemovedTies()
    {
        Landscape l;
        Organization a;
        a.id = 1;
        a.nameEn = QStringLiteral("A");
        Organization b = a;
        b.id = 2;
        b.nameEn = QStringLiteral("B");
        l.organizations = {a, b};
        Tie t;
        t.id = 7;
        t.kind = QStringLiteral("hosting");
        t.fromId = 1;
        t.toId = 2;
        t.start = FuzzyDate::fromString(QStringLiteral("1968"));
        t.end = FuzzyDate::fromString(QStringLiteral("2039-Q1"));
        l.ties = {t};
        l.index();
        const auto ended = TieComparison::compare(
                l, QDate(2039, 3, 31), QDate(2039, 4, 1), Basis::Began);
        QCOMPARE(ended.removed, QList<RowId>{7});
        const auto began = TieComparison::compare(
                l, QDate(1967, 12, 31), QDate(1968, 1, 1), Basis::Began);
        QCOMPARE(began.added, QList<RowId>{7});
        // Limited to other ties: nothing.
        const QList<RowId> others{8};
        QVERIFY(TieComparison::compare(
                        l, QDate(1967, 12, 31), QDate(1968, 1, 1), Basis::Began, &others)
                        .isEmpty());
    }

    void startedBetween()
    {
        const QList<RowId> ids = TieComparison::startedBetween(
                seed(), QDate(2023, 10, 1), QDate(2023, 10, 31), Basis::Began);
        QCOMPARE(ids, QList<RowId>{tie(seed(), "google-invests-anthropic")->id});
        // The eight Nvidia orders began in August 2023.
        QCOMPARE(TieComparison::startedBetween(
                         seed(), QDate(2023, 8, 1), QDate(2023, 8, 31), Basis::Began)
                         .size(),
                 8);
    }
};

QTEST_GUILESS_MAIN(TestTieComparison)
#include "tst_tiecomparison.moc"
