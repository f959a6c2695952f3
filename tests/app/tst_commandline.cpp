// SPDX-License-Identifier: MIT
// The ecoatlas binary as a presenter uses it: exports, JSON dump, new database, and errors.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestCommandLine : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // it must pick offscreen by itself
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        return env;
    }
    Run run(const QStringList &args) const
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral(ECOATLAS_BINARY), args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(),
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QByteArray bytes(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    /// The error is one line that starts with "ecoatlas:".
    static void checkOneLineError(const Run &r)
    {
        const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(QStringLiteral("ecoatlas: ")), qPrintable(r.err));
    }

    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = path(QStringLiteral("seed.ecoatlas"));
        const Run r = run({QStringLiteral("--new-db"), m_db});
        QCOMPARE(r.code, 0);
        QVERIFY(QFile::exists(m_db));
    }

    void listViews()
    {
        const Run r = run({QStringLiteral("--list-views")});
        QCOMPARE(r.code, 0);
        const QStringList views = r.out.trimmed().split(QLatin1Char('\n'));
        QVERIFY(views.contains(QStringLiteral("network")));
        QVERIFY(views.contains(QStringLiteral("tables")));
    }

    void exportPng_data()
    {
        QTest::addColumn<QString>("view");
        QTest::newRow("network") << "network";
        QTest::newRow("tables") << "tables";
    }
    void exportPng()
    {
        QFETCH(QString, view);
        const QString out = path(view + QStringLiteral("-800.png"));
        const Run r = run({QStringLiteral("--db"),
                           m_db,
                           QStringLiteral("--export"),
                           view,
                           QStringLiteral("--out"),
                           out,
                           QStringLiteral("--size"),
                           QStringLiteral("800x600"),
                           QStringLiteral("--dpi"),
                           QStringLiteral("192")});
        QCOMPARE(r.code, 0);
        QImage image(out);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1600, 1200)); // 800x600 px at 2x
        // Not blank: dark ink (title, labels) in the top third. (A long table is scaled to fit,
        // so its title is smaller than the network's.)
        int dark = 0;
        for (int y = 0; y < 400; ++y)
            for (int x = 0; x < 1600; ++x)
                dark += qGray(image.pixel(x, y)) < 100 ? 1 : 0;
        QVERIFY2(dark > 800, qPrintable(QString::number(dark)));
    }

    void exportSvgIsParseable()
    {
        const QString out = path(QStringLiteral("network.svg"));
        const Run r = run({QStringLiteral("--db"),
                           m_db,
                           QStringLiteral("--export"),
                           QStringLiteral("network"),
                           QStringLiteral("--out"),
                           out});
        QCOMPARE(r.code, 0);
        QXmlStreamReader xml(bytes(out));
        bool chinese = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isCharacters() && xml.text().contains(QStringLiteral("腾讯云")))
                chinese = true;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(chinese);
    }

    void gradesLeaveOutTies()
    {
        // A presenter leaves out the editor's inferences: 8 of the seed's 58 ties.
        for (const QString &view : {QStringLiteral("network"), QStringLiteral("tables")}) {
            const QString out = path(view + QStringLiteral("-grades.svg"));
            const Run r = run({QStringLiteral("--db"),
                               m_db,
                               QStringLiteral("--export"),
                               view,
                               QStringLiteral("--grades"),
                               QStringLiteral("reported,claimed"),
                               QStringLiteral("--out"),
                               out});
            QCOMPARE(r.code, 0);
            const QString svg = QString::fromUtf8(bytes(out));
            QVERIFY2(svg.contains(QStringLiteral("Evidence: 45 ties reported, 5 claimed by one "
                                                 "party (dashed), 0 inferred")),
                     qPrintable(view));
        }
    }

    void exportPdfHasChineseText()
    {
        const QString out = path(QStringLiteral("tables.pdf"));
        const Run r = run({QStringLiteral("--db"),
                           m_db,
                           QStringLiteral("--export"),
                           QStringLiteral("tables"),
                           QStringLiteral("--format"),
                           QStringLiteral("pdf"),
                           QStringLiteral("--out"),
                           out,
                           QStringLiteral("--as-of"),
                           QStringLiteral("2023-11-30")});
        QCOMPARE(r.code, 0);
        QVERIFY(bytes(out).startsWith("%PDF-"));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QFAIL("pdftotext (poppler-utils) is missing: run scripts/install-deps.sh");
        QProcess p;
        p.start(pdftotext, {out, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(30000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(text.contains(QStringLiteral("阿里云")));
        QVERIFY(text.contains(QStringLiteral("火山引擎")));
        QVERIFY(text.contains(QStringLiteral("as of 2023-11-30")));
    }

    void importMergesAJsonFile()
    {
        const QString target = path(QStringLiteral("import-target.ecoatlas"));
        QVERIFY(QFile::copy(m_db, target));
        const QString in = path(QStringLiteral("moonshot.json"));
        {
            QFile f(in);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"format\": \"ecoatlas-landscape\", \"version\": 2,"
                    " \"organizations\": [{\"key\": \"tc\", \"name_en\": \"Tencent Cloud\"},"
                    " {\"key\": \"moonshot\", \"name_en\": \"Moonshot AI\", \"name_zh\": "
                    "\"\u6708\u4e4b\u6697\u9762\"}],"
                    " \"ties\": [{\"key\": \"t1\", \"kind\": \"hosting\", \"from\": \"tc\","
                    " \"to\": \"moonshot\", \"start\": \"2024-03\", \"evidence\": \"inferred\","
                    " \"rationale\": \"test\"}]}");
        }
        const QByteArray before = bytes(target);
        Run r = run({QStringLiteral("--db"),
                     target,
                     QStringLiteral("--import"),
                     in,
                     QStringLiteral("--dry-run")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("organizations: 1 new, 1 matched\n")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("ties: 1 new, 0 skipped")));
        QVERIFY(r.out.contains(QStringLiteral("dry run: nothing written")));
        QCOMPARE(bytes(target), before);

        r = run({QStringLiteral("--db"), target, QStringLiteral("--import"), in});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("(2 records added)")), qPrintable(r.out));
        r = run({QStringLiteral("--db"),
                 target,
                 QStringLiteral("--dump-json"),
                 QStringLiteral("-")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("\"name_zh\": \"月之暗面\"")));
        // A second import finds everything there.
        r = run({QStringLiteral("--db"), target, QStringLiteral("--import"), in});
        QVERIFY(r.out.contains(QStringLiteral("ties: 0 new, 1 skipped")));
        QVERIFY(r.out.contains(QStringLiteral("(0 records added)")));
        // A file that is not a landscape: one line, nothing written.
        const QByteArray after = bytes(target);
        QFile bad(path(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format\": \"something else\"}");
        bad.close();
        r = run({QStringLiteral("--db"), target, QStringLiteral("--import"), bad.fileName()});
        QCOMPARE(r.code, 1);
        checkOneLineError(r);
        QVERIFY(r.err.contains(QStringLiteral("not an EcoAtlas landscape document")));
        QCOMPARE(bytes(target), after);
    }

    void dumpJson()
    {
        const Run r = run(
                {QStringLiteral("--db"), m_db, QStringLiteral("--dump-json"), QStringLiteral("-")});
        QCOMPARE(r.code, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(QStringLiteral("format")).toString(),
                 QStringLiteral("ecoatlas-landscape"));
        QCOMPARE(root.value(QStringLiteral("organizations")).toArray().size(), 32);
        const QJsonObject first = root.value(QStringLiteral("ties")).toArray().first().toObject();
        QVERIFY(first.value(QStringLiteral("id")).toInt() > 0);
        for (const QJsonValue &v : root.value(QStringLiteral("ties")).toArray()) {
            const QJsonObject t = v.toObject();
            if (t.value(QStringLiteral("key")) == QLatin1String("amazon-invests-anthropic")) {
                const QJsonObject amount = t.value(QStringLiteral("amount")).toObject();
                QCOMPARE(amount.value(QStringLiteral("value")).toDouble(), 4e9);
                QCOMPARE(amount.value(QStringLiteral("qualifier")).toString(),
                         QStringLiteral("up_to"));
                QCOMPARE(t.value(QStringLiteral("start"))
                                 .toObject()
                                 .value(QStringLiteral("precision"))
                                 .toString(),
                         QStringLiteral("day"));
            }
        }
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString out = QStringLiteral("never.png");
        QTest::newRow("missing db")
                << QStringList{"--db", "nope.ecoatlas", "--export", "network", "--out", out} << 1
                << "no such file";
        QTest::newRow("unknown view")
                << QStringList{"--export", "pie", "--out", out} << 2 << "unknown view 'pie'";
        QTest::newRow("bad date")
                << QStringList{"--export", "network", "--out", out, "--as-of", "2023-02-30"} << 2
                << "is not a date";
        QTest::newRow("bad size")
                << QStringList{"--export", "network", "--out", out, "--size", "big"} << 2
                << "--size";
        QTest::newRow("bad format") << QStringList{"--export", "network", "--out", "x.gif"} << 2
                                    << "cannot tell the format";
        QTest::newRow("unwritable path")
                << QStringList{"--export", "network", "--out", "/nonexistent-dir/x.png"} << 1
                << "does not exist";
        QTest::newRow("labels")
                << QStringList{"--export", "network", "--out", out, "--labels", "fr"} << 2
                << "--labels";
        QTest::newRow("grades")
                << QStringList{"--export", "network", "--out", out, "--grades", "reported,rumour"}
                << 2 << "--grades: 'rumour' is not one of reported, claimed, inferred";
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        if (!args.contains(QStringLiteral("--db")))
            args << QStringLiteral("--db") << m_db;
        const Run r = run(args);
        QCOMPARE(r.code, code);
        checkOneLineError(r);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(path(QStringLiteral("never.png"))));
    }

    void refusedDatabaseIsLeftUntouched()
    {
        const QString notDb = path(QStringLiteral("notes.ecoatlas"));
        QFile f(notDb);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("These are my notes, not a database.\n");
        f.close();
        const QByteArray before = bytes(notDb);
        const Run r = run({QStringLiteral("--db"),
                           notDb,
                           QStringLiteral("--export"),
                           QStringLiteral("tables"),
                           QStringLiteral("--out"),
                           path(QStringLiteral("x.png"))});
        QCOMPARE(r.code, 1);
        checkOneLineError(r);
        QVERIFY(r.err.contains(QStringLiteral("not an EcoAtlas database")));
        QCOMPARE(bytes(notDb), before);
        QVERIFY(!QFile::exists(path(QStringLiteral("x.png"))));
    }

    void newDbDoesNotOverwrite()
    {
        const QByteArray before = bytes(m_db);
        const Run r = run({QStringLiteral("--new-db"), m_db});
        QCOMPARE(r.code, 1);
        checkOneLineError(r);
        QCOMPARE(bytes(m_db), before);
    }

    /// Runs `statements` on `file` through a plain SQLite connection, as another program would.
    static bool runSql(const QString &file, const QStringList &statements, QString *error)
    {
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("plain"));
            db.setDatabaseName(file);
            ok = db.open();
            for (const QString &sql : statements) {
                QSqlQuery q(db);
                if (ok && !q.exec(sql)) {
                    *error = sql + QStringLiteral(": ") + q.lastError().text();
                    ok = false;
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("plain"));
        return ok;
    }
    /// Number of rows of `table` in `file`, or -1 when the file is not a readable database.
    static int rows(const QString &file, const QString &table)
    {
        int n = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("count"));
            db.setDatabaseName(file);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) && q.next())
                    n = q.value(0).toInt();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("count"));
        return n;
    }

    // Issue 11, item 1: a landscape title that is markup reaches the SVG as text: well-formed,
    // without a <script> element, the title shown literally.
    void hostileTitleIsTextInSvg_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("title");
        const QString closeTitle = QStringLiteral(
                "</title><script>alert(document.domain)</script><title>");
        const QString closeText = QStringLiteral("</text><script>alert(1)</script><text>");
        for (const QString &view : {QStringLiteral("network"), QStringLiteral("tables")}) {
            QTest::addRow("%s-title", qPrintable(view)) << view << closeTitle;
            QTest::addRow("%s-text", qPrintable(view)) << view << closeText;
        }
    }
    void hostileTitleIsTextInSvg()
    {
        QFETCH(QString, view);
        QFETCH(QString, title);
        const QString db = path(QStringLiteral("hostile-title.ecoatlas"));
        QFile::remove(db);
        QVERIFY(QFile::copy(m_db, db));
        QString error;
        QVERIFY2(runSql(db,
                        {QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'title'")
                                 .arg(title)},
                        &error),
                 qPrintable(error));
        const QString out = path(QStringLiteral("hostile-%1.svg").arg(view));
        const Run r = run({QStringLiteral("--db"),
                           db,
                           QStringLiteral("--export"),
                           view,
                           QStringLiteral("--out"),
                           out});
        QCOMPARE(r.code, 0);
        QXmlStreamReader xml(bytes(out));
        QStringList elements;
        QString titleText;
        bool drawn = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                elements << xml.name().toString();
                if (xml.name() == QLatin1String("title"))
                    titleText = xml.readElementText();
            }
            if (xml.isCharacters() && xml.text().contains(QStringLiteral("alert(")))
                drawn = true;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(!elements.contains(QStringLiteral("script")), qPrintable(elements.join(u' ')));
        QCOMPARE(elements.count(QStringLiteral("title")), 1);
        QCOMPARE(titleText, title);
        QVERIFY(drawn); // the figure's own title, drawn as text
    }

    // Issue 11, item 2: --new-db killed at any moment leaves either no file (and a retry works)
    // or a complete database, never a partial one.
    void newDbKilledLeavesNothingOrComplete()
    {
        const int complete = rows(m_db, QStringLiteral("organization"));
        QVERIFY(complete > 10);
        const int completeTies = rows(m_db, QStringLiteral("tie"));
        QElapsedTimer timer;
        timer.start();
        const QString timed = path(QStringLiteral("timed.ecoatlas"));
        QCOMPARE(run({QStringLiteral("--new-db"), timed}).code, 0);
        const qint64 duration = std::max<qint64>(timer.elapsed(), 50);
        int absent = 0, whole = 0;
        for (int i = 0; i < 20; ++i) {
            const QString file = path(QStringLiteral("killed-%1.ecoatlas").arg(i));
            QProcess p;
            p.setProcessEnvironment(environment());
            p.setWorkingDirectory(m_dir.path());
            p.start(QStringLiteral(ECOATLAS_BINARY), {QStringLiteral("--new-db"), file});
            QVERIFY(p.waitForStarted());
            // Spread the kills over the whole run and a little beyond (a fixed schedule).
            QTest::qWait(int(duration * i / 16));
            p.kill();
            p.waitForFinished(10000);
            if (!QFile::exists(file)) {
                ++absent;
                const Run retry = run({QStringLiteral("--new-db"), file});
                QVERIFY2(retry.code == 0, qPrintable(retry.err));
            } else {
                ++whole;
            }
            QCOMPARE(rows(file, QStringLiteral("organization")), complete);
            QCOMPARE(rows(file, QStringLiteral("tie")), completeTies);
            const Run check = run({QStringLiteral("--db"),
                                   file,
                                   QStringLiteral("--dump-json"),
                                   path(QStringLiteral("killed.json"))});
            QVERIFY2(check.code == 0, qPrintable(QString::number(i) + check.err));
        }
        qInfo("--new-db killed 20 times over %lld ms: %d left nothing, %d a complete file",
              duration,
              absent,
              whole);
    }

    // Issue 11, item 10: an output that is the database being read is refused (exit 2, one
    // line), whatever the path looks like, and the database stays byte-identical.
    void outputOverDatabaseIsRefused_data()
    {
        QTest::addColumn<QStringList>("args"); // %DB% is the database, %LINK% a hard link to it
        QTest::newRow("dump-json same path") << QStringList{QStringLiteral("--db"),
                                                            QStringLiteral("%DB%"),
                                                            QStringLiteral("--dump-json"),
                                                            QStringLiteral("%DB%")};
        QTest::newRow("dump-json relative path")
                << QStringList{QStringLiteral("--db"),
                               QStringLiteral("%DB%"),
                               QStringLiteral("--dump-json"),
                               QStringLiteral("./victim/../victim.ecoatlas")};
        QTest::newRow("export png same path") << QStringList{QStringLiteral("--db"),
                                                             QStringLiteral("%DB%"),
                                                             QStringLiteral("--export"),
                                                             QStringLiteral("network"),
                                                             QStringLiteral("--format"),
                                                             QStringLiteral("png"),
                                                             QStringLiteral("--out"),
                                                             QStringLiteral("%DB%")};
        QTest::newRow("export hard link") << QStringList{QStringLiteral("--db"),
                                                         QStringLiteral("%DB%"),
                                                         QStringLiteral("--export"),
                                                         QStringLiteral("tables"),
                                                         QStringLiteral("--format"),
                                                         QStringLiteral("svg"),
                                                         QStringLiteral("--out"),
                                                         QStringLiteral("%LINK%")};
        QTest::newRow("export symbolic link") << QStringList{QStringLiteral("--db"),
                                                             QStringLiteral("%DB%"),
                                                             QStringLiteral("--export"),
                                                             QStringLiteral("tables"),
                                                             QStringLiteral("--format"),
                                                             QStringLiteral("pdf"),
                                                             QStringLiteral("--out"),
                                                             QStringLiteral("%SYMLINK%")};
        QTest::newRow("export-all over a database named network.png")
                << QStringList{QStringLiteral("--db"),
                               QStringLiteral("%DIR%/network.png"),
                               QStringLiteral("--export-all"),
                               QStringLiteral("%DIR%")};
    }
    void outputOverDatabaseIsRefused()
    {
        QFETCH(QStringList, args);
        const QString victim = path(QStringLiteral("victim.ecoatlas"));
        const QString link = path(QStringLiteral("victim-link.svg"));
        const QString symlink = path(QStringLiteral("victim-symlink.pdf"));
        const QString dir = path(QStringLiteral("victim-dir"));
        QFile::remove(victim);
        QFile::remove(link);
        QFile::remove(symlink);
        QDir(dir).removeRecursively();
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QDir().mkpath(path(QStringLiteral("victim"))));
        QVERIFY(QFile::copy(m_db, victim));
        QVERIFY(QFile::copy(m_db, dir + QStringLiteral("/network.png")));
        QCOMPARE(QProcess::execute(QStringLiteral("ln"), {victim, link}), 0);
        QVERIFY(QFile::link(victim, symlink));
        const QByteArray before = bytes(m_db);
        for (QString &a : args)
            a.replace(QStringLiteral("%DB%"), victim)
                    .replace(QStringLiteral("%LINK%"), link)
                    .replace(QStringLiteral("%SYMLINK%"), symlink)
                    .replace(QStringLiteral("%DIR%"), dir);
        const Run r = run(args);
        QCOMPARE(r.code, 2);
        checkOneLineError(r);
        QVERIFY2(r.err.contains(QLatin1String("is the database being read")), qPrintable(r.err));
        QCOMPARE(bytes(victim), before);
        QCOMPARE(bytes(dir + QStringLiteral("/network.png")), before);
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList{QStringLiteral("network.png")});
    }

    // Issue 11, items 4 and 9: 100,000-character names (English and Chinese) and a bidi
    // override export in every view and format within the size limits, with well-formed SVG
    // in which the long name is cut and the override is gone.
    void hostileNamesExportEveryView()
    {
        const QString db = path(QStringLiteral("long-names.ecoatlas"));
        QFile::remove(db);
        QVERIFY(QFile::copy(m_db, db));
        QString error;
        QVERIFY2(runSql(db,
                        {QStringLiteral("UPDATE organization SET name_en = 'Baidu ' || "
                                        "replace(hex(zeroblob(50000)), '00', 'xy'), name_zh = "
                                        "replace(hex(zeroblob(50000)), '00', '百度') WHERE key "
                                        "= 'baidu'"),
                         QStringLiteral("UPDATE organization SET name_en = 'Evil' || char(0x202E) "
                                        "|| 'corp' WHERE key = 'tencent'")},
                        &error),
                 qPrintable(error));
        QCOMPARE(rows(db, QStringLiteral("organization WHERE length(name_en) > 100000")), 1);
        const QString dir = path(QStringLiteral("long-names"));
        QElapsedTimer timer;
        timer.start();
        const Run r = run({QStringLiteral("--db"),
                           db,
                           QStringLiteral("--export-all"),
                           dir,
                           QStringLiteral("--labels"),
                           QStringLiteral("both")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(timer.elapsed() < 90000, qPrintable(QString::number(timer.elapsed())));
        const QStringList files = QDir(dir).entryList(QDir::Files);
        QCOMPARE(files.size(), 21); // 7 views × PNG, SVG, PDF
        for (const QString &file : files) {
            const QByteArray content = bytes(QDir(dir).filePath(file));
            QVERIFY2(content.size() > 1000, qPrintable(file));
            QVERIFY2(content.size() < 30'000'000, qPrintable(file));
            if (!file.endsWith(QLatin1String(".svg")))
                continue;
            QXmlStreamReader xml(content);
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("svg")) {
                    QVERIFY(xml.attributes().value(QStringLiteral("width")).toDouble() <= 20000);
                    QVERIFY(xml.attributes().value(QStringLiteral("height")).toDouble() <= 20000);
                }
                if (xml.isCharacters()) {
                    QVERIFY2(!xml.text().contains(QChar(0x202E)), qPrintable(file));
                    // No name drawn whole: at most FigureOptions::kMaxNameLength characters.
                    QVERIFY2(!xml.text().contains(QStringLiteral("xy").repeated(40)),
                             qPrintable(file));
                    QVERIFY2(!xml.text().contains(QStringLiteral("百度").repeated(40)),
                             qPrintable(file));
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(file + QLatin1Char(' ') + xml.errorString()));
        }
        // The table of ties names every party: the cut names and the stripped override show.
        // (The network diagram may hide a label that does not fit.)
        const QString tables = QString::fromUtf8(
                bytes(QDir(dir).filePath(QStringLiteral("tables.svg"))));
        QVERIFY(tables.contains(QStringLiteral("Evilcorp")));
        // Wrapped in its cell: "Baidu" on one line, "xyxy…x…" on the next.
        QVERIFY(tables.contains(QRegularExpression(QStringLiteral("(xy){20,}x?\u2026"))));
        QVERIFY(tables.contains(QStringLiteral("百度百度"))); // wrapped glyph by glyph
    }

    // Issue 11, item 5: stored positions far away, infinite or not numbers: the network
    // export still succeeds within the size limits and never writes "nan" or "inf".
    void extremePositionsExport_data()
    {
        QTest::addColumn<QString>("x");
        QTest::newRow("30000") << QStringLiteral("30000");
        QTest::newRow("1e308") << QStringLiteral("1e308");
        QTest::newRow("infinity") << QStringLiteral("9e999");
        QTest::newRow("NaN text") << QStringLiteral("'NaN'");
    }
    void extremePositionsExport()
    {
        QFETCH(QString, x);
        const QString db = path(QStringLiteral("positions.ecoatlas"));
        QFile::remove(db);
        QVERIFY(QFile::copy(m_db, db));
        QString error;
        // Every organization placed on a small grid, one of them at `x`; all pinned.
        QVERIFY2(runSql(db,
                        {QStringLiteral("DELETE FROM node_position"),
                         QStringLiteral("INSERT INTO node_position (view, organization_id, x, y, "
                                        "pinned) SELECT 'network', id, (id % 6) * 150, (id / 6) "
                                        "* 120, 1 FROM organization"),
                         QStringLiteral("UPDATE node_position SET x = %1 WHERE organization_id = "
                                        "(SELECT id FROM organization WHERE key = 'baidu')")
                                 .arg(x)},
                        &error),
                 qPrintable(error));
        for (const QString &format : {QStringLiteral("svg"), QStringLiteral("png")}) {
            const QString out = path(QStringLiteral("positions.") + format);
            const Run r = run({QStringLiteral("--db"),
                               db,
                               QStringLiteral("--export"),
                               QStringLiteral("network"),
                               QStringLiteral("--out"),
                               out});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            if (format == QLatin1String("png")) {
                const QImage image(out);
                QVERIFY(!image.isNull());
                QVERIFY(image.width() <= 20000 && image.height() <= 20000);
                continue;
            }
            const QByteArray svg = bytes(out);
            QVERIFY(!svg.contains("nan\""));
            QVERIFY(!svg.contains("inf\""));
            QXmlStreamReader xml(svg);
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("svg")) {
                    QVERIFY(xml.attributes().value(QStringLiteral("width")).toDouble() <= 20000);
                    QVERIFY(xml.attributes().value(QStringLiteral("height")).toDouble() <= 20000);
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        }
    }

    // Issue 11, Also: --check lists every problem of items 3, 7 and 8 with its record, one a
    // line, exits 1 when there is one, and writes nothing.
    void checkListsEveryProblem()
    {
        const Run clean = run({QStringLiteral("--db"), m_db, QStringLiteral("--check")});
        QCOMPARE(clean.code, 0);
        QCOMPARE(clean.out.trimmed(), m_db + QStringLiteral(": no problems found"));

        const QString rows = path(QStringLiteral("check-rows.ecoatlas"));
        QFile::remove(rows);
        QVERIFY(QFile::copy(m_db, rows));
        QString error;
        QVERIFY2(runSql(rows,
                        {QStringLiteral("PRAGMA ignore_check_constraints = ON"),
                         QStringLiteral("UPDATE organization SET name_en = '' WHERE key = "
                                        "'minimax'"),
                         QStringLiteral("UPDATE tie SET to_id = from_id WHERE key = "
                                        "'microsoft-invests-openai'"),
                         QStringLiteral("INSERT INTO organization_alias (organization_id, alias, "
                                        "position) VALUES (4242, 'ghost', 0)")},
                        &error),
                 qPrintable(error));
        const QByteArray before = bytes(rows);
        const Run r = run({QStringLiteral("--db"), rows, QStringLiteral("--check")});
        QCOMPARE(r.code, 1);
        checkOneLineError(r);
        QVERIFY2(r.err.contains(QStringLiteral("3 problems found")), qPrintable(r.err));
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(rows + QStringLiteral(": ")), qPrintable(line));
        QVERIFY2(r.out.contains(QStringLiteral("key 'minimax'")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("table organization breaks")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("key 'microsoft-invests-openai'")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("from_id <> to_id")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("alias 'ghost' of table organization_alias refers")),
                 qPrintable(r.out));
        QCOMPARE(bytes(rows), before);

        const QString amounts = path(QStringLiteral("check-amounts.ecoatlas"));
        QFile::remove(amounts);
        QVERIFY(QFile::copy(m_db, amounts));
        QVERIFY2(runSql(amounts,
                        {QStringLiteral("UPDATE investment SET amount = 'abc' WHERE tie_id = "
                                        "(SELECT id FROM tie WHERE key = "
                                        "'amazon-invests-anthropic')"),
                         QStringLiteral("UPDATE investment SET amount = -4e9 WHERE tie_id = "
                                        "(SELECT id FROM tie WHERE key = "
                                        "'google-invests-anthropic')")},
                        &error),
                 qPrintable(error));
        const Run a = run({QStringLiteral("--db"), amounts, QStringLiteral("--check")});
        QCOMPARE(a.code, 1);
        QCOMPARE(a.out.trimmed().split(QLatin1Char('\n')).size(), 2);
        QVERIFY2(a.out.contains(QStringLiteral("tie 'amazon-invests-anthropic': 'abc' is not a "
                                               "number")),
                 qPrintable(a.out));
        QVERIFY2(a.out.contains(QStringLiteral("tie 'google-invests-anthropic': -4e+09 is "
                                               "negative")),
                 qPrintable(a.out));
    }

    // Issue 11, "Done means" (a CI-sized part): mutated copies of the seed (header, page 1,
    // random pages, truncation, appended bytes; fixed seeds) through --dump-json and an SVG
    // export: no crash, no hang, the file unchanged and without side files, and either a
    // one-line refusal (exit 1) or a well-formed result (exit 0).
    void mutatedCopiesAreRefusedOrRead()
    {
        const QByteArray seed = bytes(m_db);
        QVERIFY(seed.size() > 8192);
        const qsizetype pageSize = 4096;
        int refused = 0, read = 0;
        for (int i = 0; i < 60; ++i) {
            QRandomGenerator random(1100 + i);
            QByteArray mutated = seed;
            const qsizetype pages = seed.size() / pageSize;
            auto flip = [&](qsizetype from, qsizetype to, int count) {
                for (int k = 0; k < count; ++k) {
                    const qsizetype at = from + qsizetype(random.bounded(quint32(to - from)));
                    mutated[at] = char(mutated.at(at) ^ char(1 + random.bounded(255)));
                }
            };
            switch (i % 5) {
            case 0: // the 100-byte header
                flip(0, 100, 1 + i % 3);
                break;
            case 1: // page 1: header and the schema b-tree
                flip(100, pageSize, 4);
                break;
            case 2: // one random page
            {
                const qsizetype page = 1 + random.bounded(quint32(pages - 1));
                flip(page * pageSize, (page + 1) * pageSize, 8);
                break;
            }
            case 3: // truncated, at a page boundary or anywhere
                mutated.truncate(i % 2 ? pageSize * (1 + random.bounded(quint32(pages - 1)))
                                       : 1 + random.bounded(quint32(seed.size() - 1)));
                break;
            case 4: // bytes appended
                for (int k = 0; k < 1 + int(random.bounded(5000u)); ++k)
                    mutated.append(char(random.bounded(256)));
                break;
            }
            const QString file = path(QStringLiteral("mutated-%1.ecoatlas").arg(i));
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(mutated) == mutated.size());
            f.close();
            const bool dump = i % 2 == 0;
            const QString out = path(dump ? QStringLiteral("mutated.json")
                                          : QStringLiteral("mutated.svg"));
            QFile::remove(out);
            QProcess p;
            p.setProcessEnvironment(environment());
            p.setWorkingDirectory(m_dir.path());
            p.start(QStringLiteral(ECOATLAS_BINARY),
                    dump ? QStringList{QStringLiteral("--db"),
                                       file,
                                       QStringLiteral("--dump-json"),
                                       out}
                         : QStringList{QStringLiteral("--db"),
                                       file,
                                       QStringLiteral("--export"),
                                       QStringLiteral("network"),
                                       QStringLiteral("--out"),
                                       out});
            const bool finished = p.waitForFinished(30000);
            if (!finished)
                p.kill();
            const QString what = QStringLiteral("mutation %1: ").arg(i);
            QVERIFY2(finished, qPrintable(what + QStringLiteral("hang")));
            QVERIFY2(p.exitStatus() == QProcess::NormalExit,
                     qPrintable(what + QStringLiteral("crash")));
            QVERIFY2(p.exitCode() == 0 || p.exitCode() == 1,
                     qPrintable(what + QString::number(p.exitCode())));
            QCOMPARE(bytes(file), mutated);
            for (const char *suffix : {"-wal", "-shm", "-journal"})
                QVERIFY2(!QFile::exists(file + QLatin1String(suffix)), qPrintable(what + suffix));
            if (p.exitCode() == 1) {
                ++refused;
                const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
                QVERIFY2(!err.contains(QLatin1Char('\n'))
                                 && err.startsWith(QStringLiteral("ecoatlas: ")),
                         qPrintable(what + err));
                QVERIFY2(!QFile::exists(out), qPrintable(what + QStringLiteral("output left")));
                continue;
            }
            ++read;
            if (dump) {
                QJsonParseError e;
                QJsonDocument::fromJson(bytes(out), &e);
                QVERIFY2(e.error == QJsonParseError::NoError, qPrintable(what + e.errorString()));
            } else {
                QXmlStreamReader xml(bytes(out));
                while (!xml.atEnd())
                    xml.readNext();
                QVERIFY2(!xml.hasError(), qPrintable(what + xml.errorString()));
            }
        }
        qInfo("60 mutated copies: %d refused, %d read; no crash, hang or change", refused, read);
    }

    void exportAll()
    {
        const Run r = run({QStringLiteral("--db"),
                           m_db,
                           QStringLiteral("--export-all"),
                           path(QStringLiteral("all"))});
        QCOMPARE(r.code, 0);
        for (const QString &view : {QStringLiteral("network"), QStringLiteral("tables")})
            for (const QString &ext :
                 {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")})
                QVERIFY2(QFileInfo(path(QStringLiteral("all/%1.%2").arg(view, ext))).size() > 1000,
                         qPrintable(view + ext));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
