// SPDX-License-Identifier: MIT
#include "Amount.h"

#include <QTest>

using EcoAtlas::Amount;
using Qualifier = EcoAtlas::Amount::Qualifier;

class TestAmount : public QObject
{
    Q_OBJECT

private slots:
    void qualifierNames_data();
    void qualifierNames();
    void qualifierNameList();
    void unknownQualifierName_data();
    void unknownQualifierName();
    void formatNumber_data();
    void formatNumber();
    void displayString_data();
    void displayString();
    void isNull();
};

void TestAmount::qualifierNames_data()
{
    QTest::addColumn<Qualifier>("qualifier");
    QTest::addColumn<QString>("name");
    QTest::newRow("exact") << Qualifier::Exact << "exact";
    QTest::newRow("about") << Qualifier::About << "about";
    QTest::newRow("up_to") << Qualifier::UpTo << "up_to";
    QTest::newRow("over") << Qualifier::Over << "over";
    QTest::newRow("at_least") << Qualifier::AtLeast << "at_least";
    QTest::newRow("undisclosed") << Qualifier::Undisclosed << "undisclosed";
}

void TestAmount::qualifierNames()
{
    QFETCH(Qualifier, qualifier);
    QFETCH(QString, name);
    QCOMPARE(Amount::qualifierName(qualifier), name);
    const std::optional<Qualifier> back = Amount::qualifierFromName(name);
    QVERIFY(back.has_value());
    QCOMPARE(*back, qualifier);
}

void TestAmount::qualifierNameList()
{
    QCOMPARE(Amount::qualifierNames(),
             QStringList({QStringLiteral("exact"),
                          QStringLiteral("about"),
                          QStringLiteral("up_to"),
                          QStringLiteral("over"),
                          QStringLiteral("at_least"),
                          QStringLiteral("undisclosed")}));
}

void TestAmount::unknownQualifierName_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << "";
    QTest::newRow("label, not name") << "Up to";
    QTest::newRow("upper case") << "EXACT";
    QTest::newRow("approximately") << "approximately";
    QTest::newRow("dash") << "up-to";
}

void TestAmount::unknownQualifierName()
{
    QFETCH(QString, name);
    QVERIFY(!Amount::qualifierFromName(name).has_value());
}

void TestAmount::formatNumber_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("4e9") << 4e9 << "4 billion";
    QTest::newRow("2.5e9") << 2.5e9 << "2.5 billion";
    QTest::newRow("13e9") << 13e9 << "13 billion";
    QTest::newRow("300e6") << 300e6 << "300 million";
    QTest::newRow("1e6") << 1e6 << "1 million";
    QTest::newRow("1.5e12") << 1.5e12 << "1.5 trillion";
    QTest::newRow("100000") << 100000.0 << "100,000";
    QTest::newRow("17000") << 17000.0 << "17,000";
    QTest::newRow("1600") << 1600.0 << "1,600";
    QTest::newRow("42") << 42.0 << "42";
    QTest::newRow("0") << 0.0 << "0";
    QTest::newRow("2.5") << 2.5 << "2.5";
    QTest::newRow("negative") << -2e9 << "-2 billion";
}

void TestAmount::formatNumber()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(Amount::formatNumber(value), text);
}

void TestAmount::displayString_data()
{
    QTest::addColumn<std::optional<double>>("value");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<Qualifier>("qualifier");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("text");

    using V = std::optional<double>;
    const QString usd = QStringLiteral("USD");
    QTest::newRow("up to 4 billion USD")
            << V(4e9) << usd << Qualifier::UpTo << QString() << "up to 4 billion USD";
    QTest::newRow("over 2.5 billion CNY")
            << V(2.5e9) << "CNY" << Qualifier::Over << QString() << "over 2.5 billion CNY";
    QTest::newRow("exact money") << V(13e9) << usd << Qualifier::Exact << QString()
                                 << "13 billion USD";
    QTest::newRow("300 million USD")
            << V(300e6) << usd << Qualifier::Exact << QString() << "300 million USD";
    QTest::newRow("about count, no unit")
            << V(100000) << QString() << Qualifier::About << QString() << "about 100,000";
    QTest::newRow("about count with unit")
            << V(100000) << QString() << Qualifier::About << "A800 GPUs"
            << "about 100,000 A800 GPUs";
    QTest::newRow("exact count with unit") << V(1600) << QString() << Qualifier::Exact << "units"
                                           << "1,600 units";
    QTest::newRow("at least percent") << V(20) << QString() << Qualifier::AtLeast << "percent"
                                      << "at least 20%";
    QTest::newRow("over clients") << V(17000) << QString() << Qualifier::Over << "clients"
                                  << "over 17,000 clients";
    QTest::newRow("currency wins over unit") << V(2.5e9) << "CNY" << Qualifier::Over << "CNY"
                                             << "over 2.5 billion CNY";
    QTest::newRow("undisclosed") << V() << QString() << Qualifier::Undisclosed << QString()
                                 << "undisclosed";
    QTest::newRow("undisclosed with currency")
            << V() << usd << Qualifier::Undisclosed << QString() << "undisclosed";
    QTest::newRow("undisclosed with unit") << V() << QString() << Qualifier::Undisclosed << "units"
                                           << "undisclosed";
}

void TestAmount::displayString()
{
    QFETCH(std::optional<double>, value);
    QFETCH(QString, currency);
    QFETCH(Qualifier, qualifier);
    QFETCH(QString, unit);
    QFETCH(QString, text);

    Amount a;
    a.value = value;
    a.currency = currency;
    a.qualifier = qualifier;
    QCOMPARE(a.toDisplayString(unit), text);
}

void TestAmount::isNull()
{
    Amount a;
    QVERIFY(a.isNull());
    QCOMPARE(a.qualifier, Qualifier::Undisclosed);
    QCOMPARE(a.toDisplayString(), QStringLiteral("undisclosed"));
    a.currency = QStringLiteral("USD");
    QVERIFY(!a.isNull());
    a.currency.clear();
    a.value = 0.0;
    QVERIFY(!a.isNull());
}

QTEST_GUILESS_MAIN(TestAmount)
#include "tst_amount.moc"
