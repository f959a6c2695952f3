// SPDX-License-Identifier: MIT
#include "FuzzyDate.h"

#include <QTest>

#include <algorithm>

using EcoAtlas::FuzzyDate;
using Precision = EcoAtlas::FuzzyDate::Precision;

namespace EcoAtlas {
// Readable QCOMPARE failures.
char *toString(const FuzzyDate &d)
{
    return QTest::toString(d.isValid() ? d.toString() : QStringLiteral("(unknown)"));
}
} // namespace EcoAtlas

class TestFuzzyDate : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void emptyIsUnknownWithoutError();
    void unknownDate();
    void anchorIsNormalised_data();
    void anchorIsNormalised();
    void precisionNames_data();
    void precisionNames();
    void ordering();
    void equality();
};

void TestFuzzyDate::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<QDate>("earliest");
    QTest::addColumn<QDate>("latest");
    QTest::addColumn<QString>("display");

    QTest::newRow("day") << "2023-09-28" << Precision::Day << QDate(2023, 9, 28)
                         << QDate(2023, 9, 28) << "28 Sep 2023";
    QTest::newRow("day single digit") << "2023-11-09" << Precision::Day << QDate(2023, 11, 9)
                                      << QDate(2023, 11, 9) << "9 Nov 2023";
    QTest::newRow("leap day") << "2024-02-29" << Precision::Day << QDate(2024, 2, 29)
                              << QDate(2024, 2, 29) << "29 Feb 2024";
    QTest::newRow("early") << "2023-11-early" << Precision::EarlyMonth << QDate(2023, 11, 1)
                           << QDate(2023, 11, 10) << "early Nov 2023";
    QTest::newRow("mid") << "2023-11-mid" << Precision::MidMonth << QDate(2023, 11, 11)
                         << QDate(2023, 11, 20) << "mid Nov 2023";
    QTest::newRow("late 31-day month")
            << "2023-10-late" << Precision::LateMonth << QDate(2023, 10, 21) << QDate(2023, 10, 31)
            << "late Oct 2023";
    QTest::newRow("late 30-day month")
            << "2023-11-late" << Precision::LateMonth << QDate(2023, 11, 21) << QDate(2023, 11, 30)
            << "late Nov 2023";
    QTest::newRow("late February, leap year")
            << "2024-02-late" << Precision::LateMonth << QDate(2024, 2, 21) << QDate(2024, 2, 29)
            << "late Feb 2024";
    QTest::newRow("late February, common year")
            << "2023-02-late" << Precision::LateMonth << QDate(2023, 2, 21) << QDate(2023, 2, 28)
            << "late Feb 2023";
    QTest::newRow("month") << "2023-08" << Precision::Month << QDate(2023, 8, 1)
                           << QDate(2023, 8, 31) << "Aug 2023";
    QTest::newRow("month February leap") << "2000-02" << Precision::Month << QDate(2000, 2, 1)
                                         << QDate(2000, 2, 29) << "Feb 2000";
    QTest::newRow("Q1") << "2023-Q1" << Precision::Quarter << QDate(2023, 1, 1)
                        << QDate(2023, 3, 31) << "Q1 2023";
    QTest::newRow("Q2") << "2023-Q2" << Precision::Quarter << QDate(2023, 4, 1)
                        << QDate(2023, 6, 30) << "Q2 2023";
    QTest::newRow("Q3") << "2023-Q3" << Precision::Quarter << QDate(2023, 7, 1)
                        << QDate(2023, 9, 30) << "Q3 2023";
    QTest::newRow("Q4") << "2023-Q4" << Precision::Quarter << QDate(2023, 10, 1)
                        << QDate(2023, 12, 31) << "Q4 2023";
    QTest::newRow("year") << "2023" << Precision::Year << QDate(2023, 1, 1) << QDate(2023, 12, 31)
                          << "2023";
    // Before the Unix epoch and after the 32-bit time_t limit (2038-01-19).
    QTest::newRow("moon landing") << "1969-07-20" << Precision::Day << QDate(1969, 7, 20)
                                  << QDate(1969, 7, 20) << "20 Jul 1969";
    QTest::newRow("1900") << "1900" << Precision::Year << QDate(1900, 1, 1) << QDate(1900, 12, 31)
                          << "1900";
    QTest::newRow("1900-02 (not a leap year)")
            << "1900-02-late" << Precision::LateMonth << QDate(1900, 2, 21) << QDate(1900, 2, 28)
            << "late Feb 1900";
    QTest::newRow("2040-01-19") << "2040-01-19" << Precision::Day << QDate(2040, 1, 19)
                                << QDate(2040, 1, 19) << "19 Jan 2040";
    QTest::newRow("2038-01-mid") << "2038-01-mid" << Precision::MidMonth << QDate(2038, 1, 11)
                                 << QDate(2038, 1, 20) << "mid Jan 2038";
    QTest::newRow("2100-Q1") << "2100-Q1" << Precision::Quarter << QDate(2100, 1, 1)
                             << QDate(2100, 3, 31) << "Q1 2100";
    QTest::newRow("first year") << "0001" << Precision::Year << QDate(1, 1, 1) << QDate(1, 12, 31)
                                << "1";
    QTest::newRow("last day") << "9999-12-31" << Precision::Day << QDate(9999, 12, 31)
                              << QDate(9999, 12, 31) << "31 Dec 9999";
    QTest::newRow("last quarter") << "9999-Q4" << Precision::Quarter << QDate(9999, 10, 1)
                                  << QDate(9999, 12, 31) << "Q4 9999";
}

void TestFuzzyDate::parse()
{
    QFETCH(QString, text);
    QFETCH(Precision, precision);
    QFETCH(QDate, earliest);
    QFETCH(QDate, latest);
    QFETCH(QString, display);

    QString error;
    const FuzzyDate d = FuzzyDate::fromString(text, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(d.isValid());
    QCOMPARE(d.precision(), precision);
    QCOMPARE(d.earliest(), earliest);
    QCOMPARE(d.latest(), latest);
    QCOMPARE(d.toString(), text);
    QCOMPARE(d.toDisplayString(), display);

    // The text form round-trips, and so does the (anchor, precision) form.
    QCOMPARE(FuzzyDate::fromString(d.toString()), d);
    QCOMPARE(FuzzyDate(earliest, precision), d);
    QCOMPARE(FuzzyDate(latest, precision), d);
    // Surrounding white space is ignored.
    QCOMPARE(FuzzyDate::fromString(QStringLiteral("  %1\n").arg(text)), d);
}

void TestFuzzyDate::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("30 February") << "2023-02-30"
                                 << "not a day of the calendar";
    QTest::newRow("29 February, common year") << "2023-02-29"
                                              << "not a day of the calendar";
    QTest::newRow("29 February 1900") << "1900-02-29"
                                      << "not a day of the calendar";
    QTest::newRow("31 April") << "2023-04-31"
                              << "not a day of the calendar";
    QTest::newRow("day 00") << "2023-01-00"
                            << "not a day of the calendar";
    QTest::newRow("month 13") << "2023-13"
                              << "month must be 01 to 12";
    QTest::newRow("month 00") << "2023-00"
                              << "month must be 01 to 12";
    QTest::newRow("month 13 late") << "2023-13-late"
                                   << "month must be 01 to 12";
    QTest::newRow("year 0") << "0000"
                            << "year must be 1 to 9999";
    QTest::newRow("two-digit year") << "23-01"
                                    << "is not a date";
    QTest::newRow("Q5") << "2023-Q5"
                        << "is not a date";
    QTest::newRow("Q0") << "2023-Q0"
                        << "is not a date";
    QTest::newRow("lower-case q") << "2023-q4"
                                  << "is not a date";
    QTest::newRow("words") << "late October"
                           << "is not a date";
    QTest::newRow("words with year") << "late October 2023"
                                     << "is not a date";
    QTest::newRow("single-digit month") << "2023-1"
                                        << "is not a date";
    QTest::newRow("unknown part") << "2023-10-end"
                                  << "is not a date";
    QTest::newRow("slashes") << "2023/10/28"
                             << "is not a date";
    QTest::newRow("five-digit year") << "20230"
                                     << "is not a date";
    QTest::newRow("time") << "2023-09-28T10:00"
                          << "is not a date";
    QTest::newRow("quarter with day") << "2023-Q4-01"
                                      << "is not a date";
}

void TestFuzzyDate::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, errorPart);

    QString error;
    const FuzzyDate d = FuzzyDate::fromString(text, &error);
    QVERIFY(!d.isValid());
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QVERIFY2(error.contains(QLatin1Char('\'') + text + QLatin1Char('\'')), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QCOMPARE(d.toString(), QString());
    QCOMPARE(d.earliest(), QDate());
    QCOMPARE(d.latest(), QDate());
    // Without an error pointer it still fails, quietly.
    QVERIFY(!FuzzyDate::fromString(text).isValid());
}

void TestFuzzyDate::emptyIsUnknownWithoutError()
{
    QString error = QStringLiteral("unchanged");
    QVERIFY(!FuzzyDate::fromString(QString(), &error).isValid());
    QCOMPARE(error, QStringLiteral("unchanged"));
    QVERIFY(!FuzzyDate::fromString(QStringLiteral("   "), &error).isValid());
    QCOMPARE(error, QStringLiteral("unchanged"));
}

void TestFuzzyDate::unknownDate()
{
    const FuzzyDate d;
    QVERIFY(!d.isValid());
    QCOMPARE(d.toString(), QString());
    QCOMPARE(d.toDisplayString(), QStringLiteral("date unknown"));
    QCOMPARE(d.earliest(), QDate());
    QCOMPARE(d.latest(), QDate());
    QCOMPARE(FuzzyDate(QDate(), Precision::Month), d);
    QVERIFY(!(d < d));
}

void TestFuzzyDate::anchorIsNormalised_data()
{
    QTest::addColumn<QDate>("anchor");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("earliest");

    QTest::newRow("month") << QDate(2023, 8, 17) << Precision::Month << "2023-08"
                           << QDate(2023, 8, 1);
    QTest::newRow("early") << QDate(2023, 11, 7) << Precision::EarlyMonth << "2023-11-early"
                           << QDate(2023, 11, 1);
    QTest::newRow("mid") << QDate(2023, 11, 15) << Precision::MidMonth << "2023-11-mid"
                         << QDate(2023, 11, 11);
    QTest::newRow("late") << QDate(2023, 10, 30) << Precision::LateMonth << "2023-10-late"
                          << QDate(2023, 10, 21);
    QTest::newRow("quarter") << QDate(2023, 12, 24) << Precision::Quarter << "2023-Q4"
                             << QDate(2023, 10, 1);
    QTest::newRow("year") << QDate(1969, 7, 20) << Precision::Year << "1969" << QDate(1969, 1, 1);
}

void TestFuzzyDate::anchorIsNormalised()
{
    QFETCH(QDate, anchor);
    QFETCH(Precision, precision);
    QFETCH(QString, text);
    QFETCH(QDate, earliest);

    const FuzzyDate d(anchor, precision);
    QCOMPARE(d.toString(), text);
    QCOMPARE(d.earliest(), earliest);
    QVERIFY(d.earliest() <= anchor && anchor <= d.latest());
}

void TestFuzzyDate::precisionNames_data()
{
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<QString>("name");
    QTest::newRow("day") << Precision::Day << "day";
    QTest::newRow("early") << Precision::EarlyMonth << "early_month";
    QTest::newRow("mid") << Precision::MidMonth << "mid_month";
    QTest::newRow("late") << Precision::LateMonth << "late_month";
    QTest::newRow("month") << Precision::Month << "month";
    QTest::newRow("quarter") << Precision::Quarter << "quarter";
    QTest::newRow("year") << Precision::Year << "year";
}

void TestFuzzyDate::precisionNames()
{
    QFETCH(Precision, precision);
    QFETCH(QString, name);
    QCOMPARE(FuzzyDate::precisionName(precision), name);
}

void TestFuzzyDate::ordering()
{
    const QStringList expected{QString(),
                               QStringLiteral("1900"),
                               QStringLiteral("1969-07-20"),
                               QStringLiteral("2023"),
                               QStringLiteral("2023-07"),
                               QStringLiteral("2023-Q3"),
                               QStringLiteral("2023-09-28"),
                               QStringLiteral("2023-10"),
                               QStringLiteral("2023-Q4"),
                               QStringLiteral("2023-10-late"),
                               QStringLiteral("2023-11-01"),
                               QStringLiteral("2023-11-early"),
                               QStringLiteral("2023-11-mid"),
                               QStringLiteral("2040-01-19"),
                               QStringLiteral("2100-Q1")};
    QList<FuzzyDate> dates;
    for (const QString &t : expected)
        dates.append(FuzzyDate::fromString(t));
    std::reverse(dates.begin(), dates.end());
    std::sort(dates.begin(), dates.end());
    QStringList sorted;
    for (const FuzzyDate &d : dates)
        sorted.append(d.toString());
    QCOMPARE(sorted, expected);

    // Same first day: the finer precision sorts first.
    const FuzzyDate day = FuzzyDate::fromString(QStringLiteral("2023-10-01"));
    const FuzzyDate month = FuzzyDate::fromString(QStringLiteral("2023-10"));
    const FuzzyDate quarter = FuzzyDate::fromString(QStringLiteral("2023-Q4"));
    QVERIFY(day < month);
    QVERIFY(month < quarter);
    QVERIFY(!(quarter < month));
    QVERIFY(!(month < month));
    // Unknown dates sort first.
    QVERIFY(FuzzyDate() < FuzzyDate::fromString(QStringLiteral("0001")));
    QVERIFY(!(FuzzyDate::fromString(QStringLiteral("0001")) < FuzzyDate()));
}

void TestFuzzyDate::equality()
{
    QCOMPARE(FuzzyDate::fromString(QStringLiteral("2023-10-late")),
             FuzzyDate(QDate(2023, 10, 25), Precision::LateMonth));
    QVERIFY(FuzzyDate::fromString(QStringLiteral("2023-10"))
            != FuzzyDate::fromString(QStringLiteral("2023-10-01")));
    QVERIFY(FuzzyDate::fromString(QStringLiteral("2023-10"))
            != FuzzyDate::fromString(QStringLiteral("2023-10-early")));
    QVERIFY(FuzzyDate::fromString(QStringLiteral("2023"))
            != FuzzyDate::fromString(QStringLiteral("2023-Q1")));
    QCOMPARE(FuzzyDate(), FuzzyDate::fromString(QStringLiteral("not a date")));
}

QTEST_GUILESS_MAIN(TestFuzzyDate)
#include "tst_fuzzydate.moc"
