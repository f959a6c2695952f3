// SPDX-License-Identifier: MIT
// Parsing of typed text: Amount::parse()/toInputString() and FuzzyDate::parseLoose()/spanText().
#include "Amount.h"
#include "FuzzyDate.h"

#include <QTest>

using EcoAtlas::Amount;
using EcoAtlas::FuzzyDate;
using Qualifier = EcoAtlas::Amount::Qualifier;
using Precision = EcoAtlas::FuzzyDate::Precision;

class TestTextParse : public QObject
{
    Q_OBJECT

private slots:
    void amount_data();
    void amount();
    void amountRoundTrip_data();
    void amountRoundTrip();
    void amountError_data();
    void amountError();
    void inputString_data();
    void inputString();
    void date_data();
    void date();
    void dateError_data();
    void dateError();
    void spanText_data();
    void spanText();
};

namespace {

const QString usd = QStringLiteral("USD");
const QString cny = QStringLiteral("CNY");

void amountRows()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("money");
    QTest::addColumn<bool>("hasValue");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<Qualifier>("qualifier");

    auto row =
            [](const char *text, bool money, double value, const QString &currency, Qualifier q) {
                QTest::newRow(text)
                        << QString::fromUtf8(text) << money << true << value << currency << q;
            };
    const QString none;
    // English money
    row("up to $4 billion", true, 4e9, usd, Qualifier::UpTo);
    row("over 2.5 billion yuan", true, 2.5e9, cny, Qualifier::Over);
    row("$300M", true, 3e8, usd, Qualifier::Exact);
    row("300 million USD", true, 3e8, usd, Qualifier::Exact);
    row("USD 300m", true, 3e8, usd, Qualifier::Exact);
    row("usd 300 mn", true, 3e8, usd, Qualifier::Exact);
    row("€1.2bn", true, 1.2e9, QStringLiteral("EUR"), Qualifier::Exact);
    row("1.2 billion euros", true, 1.2e9, QStringLiteral("EUR"), Qualifier::Exact);
    row("£5k", true, 5e3, QStringLiteral("GBP"), Qualifier::Exact);
    row("HK$10 billion", true, 1e10, QStringLiteral("HKD"), Qualifier::Exact);
    row("10 billion Hong Kong dollars", true, 1e10, QStringLiteral("HKD"), Qualifier::Exact);
    row("NT$3.5 billion", true, 3.5e9, QStringLiteral("TWD"), Qualifier::Exact);
    row("RMB 5 billion", true, 5e9, cny, Qualifier::Exact);
    row("US$1.5tn", true, 1.5e12, usd, Qualifier::Exact);
    row("$4b", true, 4e9, usd, Qualifier::Exact);
    row("JPY 800 million", true, 8e8, QStringLiteral("JPY"), Qualifier::Exact);
    row("about $1,230,000", true, 1.23e6, usd, Qualifier::About);
    row("more than $2.5 billion", true, 2.5e9, usd, Qualifier::Over);
    row("at least 10 million dollars", true, 1e7, usd, Qualifier::AtLeast);
    row("Up To $4 Billion", true, 4e9, usd, Qualifier::UpTo);
    row("  up   to  $4  billion ", true, 4e9, usd, Qualifier::UpTo);
    row("$1 billion or more", true, 1e9, usd, Qualifier::AtLeast);
    row("4 billion", true, 4e9, none, Qualifier::Exact);
    // Chinese money
    row("¥25亿", true, 2.5e9, cny, Qualifier::Exact);
    row("25亿元", true, 2.5e9, cny, Qualifier::Exact);
    row("人民币25亿元", true, 2.5e9, cny, Qualifier::Exact);
    row("25亿美元", true, 2.5e9, usd, Qualifier::Exact);
    row("约25亿元", true, 2.5e9, cny, Qualifier::About);
    row("大约25亿元", true, 2.5e9, cny, Qualifier::About);
    row("超过25亿元", true, 2.5e9, cny, Qualifier::Over);
    row("逾25亿元", true, 2.5e9, cny, Qualifier::Over);
    row("超25亿元", true, 2.5e9, cny, Qualifier::Over);
    row("至少25亿元", true, 2.5e9, cny, Qualifier::AtLeast);
    row("最多25亿元", true, 2.5e9, cny, Qualifier::UpTo);
    row("高达25亿元", true, 2.5e9, cny, Qualifier::UpTo);
    row("25亿元左右", true, 2.5e9, cny, Qualifier::About);
    row("5000万元以上", true, 5e7, cny, Qualifier::AtLeast);
    row("3千万元", true, 3e7, cny, Qualifier::Exact);
    row("1.2万亿元", true, 1.2e12, cny, Qualifier::Exact);
    row("10億港元", true, 1e9, QStringLiteral("HKD"), Qualifier::Exact);
    // counts
    row("1.7万", false, 1.7e4, none, Qualifier::Exact);
    row("5千", false, 5e3, none, Qualifier::Exact);
    row("about 100,000", false, 1e5, none, Qualifier::About);
    row("~100k", false, 1e5, none, Qualifier::About);
    row("~ 100K", false, 1e5, none, Qualifier::About);
    row("approximately 100 thousand", false, 1e5, none, Qualifier::About);
    row("at least 10,000", false, 1e4, none, Qualifier::AtLeast);
    row("more than 5", false, 5, none, Qualifier::Over);
    row("over 70%", false, 70, none, Qualifier::Over);
    row("12.5 percent", false, 12.5, none, Qualifier::Exact);
    row("1,230,000", false, 1.23e6, none, Qualifier::Exact);
    row("1,230", false, 1230, none, Qualifier::Exact);
    row("1230000", false, 1.23e6, none, Qualifier::Exact);
    row("1.23", false, 1.23, none, Qualifier::Exact);
    row("0", false, 0, none, Qualifier::Exact);
    row("约1.7万", false, 1.7e4, none, Qualifier::About);
    // undisclosed
    QTest::newRow("undisclosed") << QStringLiteral("undisclosed") << true << false << 0.0 << none
                                 << Qualifier::Undisclosed;
    QTest::newRow("Undisclosed count") << QStringLiteral("Undisclosed") << false << false << 0.0
                                       << none << Qualifier::Undisclosed;
    QTest::newRow("empty") << QString() << true << false << 0.0 << none << Qualifier::Undisclosed;
    QTest::newRow("blank") << QStringLiteral("   ") << false << false << 0.0 << none
                           << Qualifier::Undisclosed;
    QTest::newRow("未披露") << QString::fromUtf8("未披露") << true << false << 0.0 << none
                            << Qualifier::Undisclosed;
    QTest::newRow("undisclosed USD") << QStringLiteral("undisclosed USD") << true << false << 0.0
                                     << usd << Qualifier::Undisclosed;
}

} // namespace

void TestTextParse::amount_data()
{
    amountRows();
}

void TestTextParse::amount()
{
    QFETCH(QString, text);
    QFETCH(bool, money);
    QFETCH(bool, hasValue);
    QFETCH(double, value);
    QFETCH(QString, currency);
    QFETCH(Qualifier, qualifier);

    QString error = QStringLiteral("untouched");
    const std::optional<Amount> a = Amount::parse(text, money, &error);
    QVERIFY2(a.has_value(), qPrintable(error));
    QCOMPARE(error, QStringLiteral("untouched"));
    QCOMPARE(a->value.has_value(), hasValue);
    if (hasValue)
        QCOMPARE(*a->value, value); // exact: 1.2bn is the double nearest 1.2e9
    QCOMPARE(a->currency, currency);
    QCOMPARE(a->qualifier, qualifier);
}

void TestTextParse::amountRoundTrip_data()
{
    amountRows();
}

void TestTextParse::amountRoundTrip()
{
    QFETCH(QString, text);
    QFETCH(bool, money);
    const std::optional<Amount> a = Amount::parse(text, money);
    QVERIFY(a);
    const QString input = a->toInputString();
    QString error;
    const std::optional<Amount> b = Amount::parse(input, money, &error);
    QVERIFY2(b.has_value(), qPrintable(input + QStringLiteral(" → ") + error));
    QCOMPARE(b->value, a->value);
    QCOMPARE(b->currency, a->currency);
    QCOMPARE(b->qualifier, a->qualifier);
}

void TestTextParse::amountError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("money");
    QTest::addColumn<QString>("error");

    auto row = [](const char *text, bool money, const char *error) {
        QTest::newRow(text) << QString::fromUtf8(text) << money << QString::fromUtf8(error);
    };
    row("1,23",
        false,
        "'1,23': is the comma a thousands separator or a decimal point? write 1.23 or 1,230");
    row("$1,5 billion",
        true,
        "'1,5': is the comma a thousands separator or a decimal point? write 1.5 or 1,500");
    row("1,2345",
        false,
        "'1,2345': is the comma a thousands separator or a decimal point? write 1.2345");
    row("1,23,456",
        false,
        "'1,23,456': is the comma a thousands separator or a decimal point? use '.' for "
        "decimals and ',' only between groups of three digits, as in 1,230,000.5");
    row("1.230.000", false, "'1.230.000' is not a number: use '.' once, as the decimal point");
    row("$5", false, "'$5': a count has no currency");
    row("5 USD", false, "'5 USD': a count has no currency");
    row("25亿元", false, "'25亿元': a count has no currency");
    row("about 5 gazillion",
        false,
        "'about 5 gazillion': unknown word 'gazillion' (write e.g. 'up to $4 billion', "
        "'about 100,000', '¥25亿')");
    row("nearly 5 bucks",
        true,
        "'nearly 5 bucks': unknown words 'nearly', 'bucks' (write e.g. 'up to $4 billion', "
        "'about 100,000', '¥25亿')");
    row("overly 5",
        false,
        "'overly 5': unknown word 'overly' (write e.g. 'up to $4 billion', 'about 100,000', "
        "'¥25亿')");
    row("5 to 10 million",
        false,
        "'5 to 10 million': unknown word 'to' (write e.g. 'up to $4 billion', 'about 100,000', "
        "'¥25亿')");
    row("二十五亿元",
        true,
        "'二十五亿元': write the number in digits, e.g. 25亿 (unknown word '二')");
    row("-5",
        false,
        "'-5': unknown word '-' (write e.g. 'up to $4 billion', 'about 100,000', '¥25亿')");
    row("5 10", false, "'5 10': more than one number ('5', '10')");
    row("about over 5", false, "'about over 5': more than one qualifier ('about', 'over')");
    row("5 about", false, "'5 about': 'about' must come before the number");
    row("or more 5", false, "'or more 5': 'or more' must come after the number");
    row("$5 EUR", true, "'$5 EUR': two currencies ('$' is USD, 'EUR' is EUR)");
    row("million 5", false, "'million 5': 'million' must follow the number");
    row("5k million", false, "'5k million': 'million' must follow the number");
    row("5 USD million", true, "'5 USD million': 'million' must follow the number");
    row("% 5", false, "'% 5': '%' must follow the number");
    row("over 70%", true, "'over 70%': a percentage is not an amount of money");
    row("about", false, "'about': no number (write e.g. 'up to $4 billion', 'about 100,000')");
    row("USD", true, "'USD': no number (write e.g. 'up to $4 billion', 'about 100,000')");
    row("undisclosed 5",
        false,
        "'undisclosed 5': an undisclosed amount has no number or qualifier");
    row("1e500",
        false,
        "'1e500': unknown word 'e' (write e.g. 'up to $4 billion', 'about "
        "100,000', '¥25亿')");
}

void TestTextParse::amountError()
{
    QFETCH(QString, text);
    QFETCH(bool, money);
    QFETCH(QString, error);
    QString message;
    const std::optional<Amount> a = Amount::parse(text, money, &message);
    QVERIFY(!a.has_value());
    QCOMPARE(message, error);
    QVERIFY(!Amount::parse(text, money).has_value()); // no error pointer: no crash
}

void TestTextParse::inputString_data()
{
    QTest::addColumn<std::optional<double>>("value");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<Qualifier>("qualifier");
    QTest::addColumn<QString>("text");
    using V = std::optional<double>;
    QTest::newRow("up to 4 billion USD")
            << V(4e9) << usd << Qualifier::UpTo << "up to 4 billion USD";
    QTest::newRow("over 2.5 billion CNY")
            << V(2.5e9) << cny << Qualifier::Over << "over 2.5 billion CNY";
    QTest::newRow("about 100,000") << V(1e5) << QString() << Qualifier::About << "about 100,000";
    QTest::newRow("at least 17,000")
            << V(17000) << QString() << Qualifier::AtLeast << "at least 17,000";
    QTest::newRow("1.5 trillion") << V(1.5e12) << QString() << Qualifier::Exact << "1.5 trillion";
    QTest::newRow("unrounded") << V(1234567891) << usd << Qualifier::Exact
                               << "1.234567891 billion USD";
    QTest::newRow("fraction") << V(12345.678) << QString() << Qualifier::Exact << "12,345.678";
    QTest::newRow("undisclosed") << V() << QString() << Qualifier::Undisclosed << "undisclosed";
    QTest::newRow("undisclosed USD") << V() << usd << Qualifier::Undisclosed << "undisclosed USD";
}

void TestTextParse::inputString()
{
    QFETCH(std::optional<double>, value);
    QFETCH(QString, currency);
    QFETCH(Qualifier, qualifier);
    QFETCH(QString, text);
    Amount a;
    a.value = value;
    a.currency = currency;
    a.qualifier = qualifier;
    QCOMPARE(a.toInputString(), text);
    const std::optional<Amount> back = Amount::parse(text, !currency.isEmpty());
    QVERIFY(back);
    QCOMPARE(back->value, value);
    QCOMPARE(back->currency, currency);
    QCOMPARE(back->qualifier, qualifier);
}

void TestTextParse::date_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("earliest");
    QTest::addColumn<QDate>("latest");
    QTest::addColumn<Precision>("precision");

    auto row = [](const char *text, QDate from, QDate to, Precision p) {
        QTest::newRow(text) << QString::fromUtf8(text) << from << to << p;
    };
    const QDate day(2023, 10, 28);
    const QDate sep28(2023, 9, 28);
    const QDate oct1(2023, 10, 1), oct10(2023, 10, 10), oct11(2023, 10, 11), oct20(2023, 10, 20),
            oct21(2023, 10, 21), oct31(2023, 10, 31), dec31(2023, 12, 31);
    // strict forms
    row("2023-10-28", day, day, Precision::Day);
    row("2023-10-late", oct21, oct31, Precision::LateMonth);
    row("2023-10", oct1, oct31, Precision::Month);
    row("2023-Q4", oct1, dec31, Precision::Quarter);
    row("2023", QDate(2023, 1, 1), dec31, Precision::Year);
    // English
    row("late October 2023", oct21, oct31, Precision::LateMonth);
    row("late Oct 2023", oct21, oct31, Precision::LateMonth);
    row("Late oct. 2023", oct21, oct31, Precision::LateMonth);
    row("mid October 2023", oct11, oct20, Precision::MidMonth);
    row("mid-Oct 2023", oct11, oct20, Precision::MidMonth);
    row("early October 2023", oct1, oct10, Precision::EarlyMonth);
    row("early Feb 2024", QDate(2024, 2, 1), QDate(2024, 2, 10), Precision::EarlyMonth);
    row("late February 2024", QDate(2024, 2, 21), QDate(2024, 2, 29), Precision::LateMonth);
    row("October 2023", oct1, oct31, Precision::Month);
    row("Oct 2023", oct1, oct31, Precision::Month);
    row("october, 2023", oct1, oct31, Precision::Month);
    row("Sept 2023", QDate(2023, 9, 1), QDate(2023, 9, 30), Precision::Month);
    row("May 2023", QDate(2023, 5, 1), QDate(2023, 5, 31), Precision::Month);
    row("28 September 2023", sep28, sep28, Precision::Day);
    row("28 Sep 2023", sep28, sep28, Precision::Day);
    row("28th Sep 2023", sep28, sep28, Precision::Day);
    row("September 28, 2023", sep28, sep28, Precision::Day);
    row("Sep 28 2023", sep28, sep28, Precision::Day);
    row("Sept. 28, 2023", sep28, sep28, Precision::Day);
    row("Q4 2023", oct1, dec31, Precision::Quarter);
    row("q1 2024", QDate(2024, 1, 1), QDate(2024, 3, 31), Precision::Quarter);
    row("2023 Q4", oct1, dec31, Precision::Quarter);
    row("2023Q2", QDate(2023, 4, 1), QDate(2023, 6, 30), Precision::Quarter);
    // numeric, year first
    row("2023/10/28", day, day, Precision::Day);
    row("2023.10.28", day, day, Precision::Day);
    row("2023-9-5", QDate(2023, 9, 5), QDate(2023, 9, 5), Precision::Day);
    row("2023/10", oct1, oct31, Precision::Month);
    // Chinese
    row("2023年10月28日", day, day, Precision::Day);
    row("2023年10月28号", day, day, Precision::Day);
    row("2023 年 10 月 28 日", day, day, Precision::Day);
    row("2023年10月", oct1, oct31, Precision::Month);
    row("2023年10月上旬", oct1, oct10, Precision::EarlyMonth);
    row("2023年10月中旬", oct11, oct20, Precision::MidMonth);
    row("2023年10月下旬", oct21, oct31, Precision::LateMonth);
    row("2023年第四季度", oct1, dec31, Precision::Quarter);
    row("2023年四季度", oct1, dec31, Precision::Quarter);
    row("2023年第1季度", QDate(2023, 1, 1), QDate(2023, 3, 31), Precision::Quarter);
    row("2023年Q4", oct1, dec31, Precision::Quarter);
    row("2023年", QDate(2023, 1, 1), dec31, Precision::Year);
    // beyond 1970..2038
    row("March 1905", QDate(1905, 3, 1), QDate(1905, 3, 31), Precision::Month);
    row("Q3 2051", QDate(2051, 7, 1), QDate(2051, 9, 30), Precision::Quarter);
}

void TestTextParse::date()
{
    QFETCH(QString, text);
    QFETCH(QDate, earliest);
    QFETCH(QDate, latest);
    QFETCH(Precision, precision);
    QString error = QStringLiteral("untouched");
    const FuzzyDate d = FuzzyDate::parseLoose(text, &error);
    QVERIFY2(d.isValid(), qPrintable(error));
    QCOMPARE(error, QStringLiteral("untouched"));
    QCOMPARE(d.earliest(), earliest);
    QCOMPARE(d.latest(), latest);
    QCOMPARE(d.precision(), precision);
    // The strict text form reads back to the same date.
    QCOMPARE(FuzzyDate::fromString(d.toString()), d);
}

void TestTextParse::dateError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    const char *forms = " is not a date: write e.g. 2023-10-28, 28 Oct 2023, Oct 28, 2023, late "
                        "Oct 2023, Oct 2023, Q4 2023, 2023, 2023/10/28, 2023年10月28日 or "
                        "2023年10月下旬";
    auto row = [](const char *text, const QString &error) {
        QTest::newRow(text) << QString::fromUtf8(text) << error;
    };
    auto notDate = [&](const char *text) {
        row(text, QStringLiteral("'%1'").arg(QString::fromUtf8(text)) + QString::fromUtf8(forms));
    };
    notDate("yesterday");
    notDate("autumn 2023 maybe");
    notDate("H2 2023");
    notDate("Q5 2023");
    notDate("23");
    notDate("2023年十月");
    notDate("2023年10月底");
    row("Octember 2023", "'Octember 2023': unknown month 'Octember' (write e.g. October or Oct)");
    row("late Foo 2023", "'late Foo 2023': unknown month 'Foo' (write e.g. October or Oct)");
    row("late 2023",
        "'late 2023': there is no part of a year; write a quarter (Q4 2023) or the year (2023)");
    row("10/11/2023",
        "'10/11/2023': is the day or the month first? write 2023-11-10 or 10 Nov 2023");
    row("28.10.2023",
        "'28.10.2023': is the day or the month first? write 2023-11-10 or 10 Nov 2023");
    row("30 February 2023", "'30 February 2023' is not a day of the calendar");
    row("February 29, 2023", "'February 29, 2023' is not a day of the calendar");
    row("2023/13/01", "'2023/13/01': month must be 1 to 12");
    row("2023年13月", "'2023年13月': month must be 1 to 12");
    row("2023年2月30日", "'2023年2月30日' is not a day of the calendar");
    row("Oct 0000", "'Oct 0000': year must be 1 to 9999");
    row("2023-02-30", "'2023-02-30' is not a day of the calendar"); // fromString's own message
}

void TestTextParse::dateError()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    QString message;
    const FuzzyDate d = FuzzyDate::parseLoose(text, &message);
    QVERIFY(!d.isValid());
    QCOMPARE(message, error);
    QVERIFY(!message.contains(QLatin1Char('\n')));
}

void TestTextParse::spanText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("span");
    auto row = [](const char *text, const char *span) {
        QTest::newRow(text) << QString::fromUtf8(text) << QString::fromUtf8(span);
    };
    row("late Oct 2023", "21–31 Oct 2023");
    row("mid Oct 2023", "11–20 Oct 2023");
    row("early Oct 2023", "1–10 Oct 2023");
    row("late Feb 2023", "21–28 Feb 2023");
    row("28 Sep 2023", "28 Sep 2023");
    row("Aug 2023", "1–31 Aug 2023");
    row("Q4 2023", "1 Oct – 31 Dec 2023");
    row("Q1 2024", "1 Jan – 31 Mar 2024");
    row("2023", "1 Jan – 31 Dec 2023");
    row("", "");
}

void TestTextParse::spanText()
{
    QFETCH(QString, text);
    QFETCH(QString, span);
    QCOMPARE(FuzzyDate::parseLoose(text).spanText(), span);
}

QTEST_GUILESS_MAIN(TestTextParse)
#include "tst_textparse.moc"
