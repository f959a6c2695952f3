// SPDX-License-Identifier: MIT
#include "CommandLine.h"

#include "Database.h"
#include "LandscapeDocument.h"
#include "LandscapeImport.h"
#include "LandscapeJson.h"
#include "LandscapeStore.h"
#include "ViewExport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

#if defined(Q_OS_UNIX)
#include <sys/stat.h>
#endif

namespace EcoAtlas::CommandLine {

namespace {

int fail(int code, const QString &message)
{
    QTextStream err(stderr);
    err << "ecoatlas: " << message << Qt::endl;
    return code;
}

void say(const QString &message)
{
    QTextStream out(stdout);
    out << message << Qt::endl;
}

/// "1600x1000" (pixels) or "180x120mm" → pixels (96 per inch).
std::optional<QSizeF> parseSize(const QString &text)
{
    static const QRegularExpression re(
            QStringLiteral(R"(^\s*(\d+(?:\.\d+)?)\s*[xX×]\s*(\d+(?:\.\d+)?)\s*(px|mm)?\s*$)"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    QSizeF s(m.captured(1).toDouble(), m.captured(2).toDouble());
    if (m.captured(3) == QLatin1String("mm"))
        s *= 96.0 / 25.4;
    return s;
}

/// True when `output` would write over `database` or one of its SQLite side files: the same
/// path once made absolute and clean, the same canonical path (symbolic links), or on Unix the
/// same device and inode (hard links).
bool overwritesDatabase(const QString &output, const QString &database)
{
    if (output.isEmpty() || output == QLatin1String("-") || database.isEmpty())
        return false;
    const QFileInfo out(output);
    const QString outAbsolute = QDir::cleanPath(out.absoluteFilePath());
    const QString outCanonical = out.canonicalFilePath();
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        const QFileInfo db(database + suffix);
        if (outAbsolute == QDir::cleanPath(db.absoluteFilePath()))
            return true;
        if (!outCanonical.isEmpty() && outCanonical == db.canonicalFilePath())
            return true;
    }
#if defined(Q_OS_UNIX)
    struct stat a, b;
    if (::stat(QFile::encodeName(output).constData(), &a) == 0
        && ::stat(QFile::encodeName(database).constData(), &b) == 0 && a.st_dev == b.st_dev
        && a.st_ino == b.st_ino)
        return true;
#endif
    return false;
}

} // namespace

bool isHeadless(const QStringList &arguments)
{
    static const QStringList headless{QStringLiteral("--export"),
                                      QStringLiteral("--export-all"),
                                      QStringLiteral("--dump-json"),
                                      QStringLiteral("--new-db"),
                                      QStringLiteral("--check"),
                                      QStringLiteral("--import"),
                                      QStringLiteral("--list-views"),
                                      QStringLiteral("--help"),
                                      QStringLiteral("-h"),
                                      QStringLiteral("--version"),
                                      QStringLiteral("-v"),
                                      QStringLiteral("--help-all")};
    for (const QString &a : arguments) {
        const QString name = a.section(QLatin1Char('='), 0, 0);
        if (headless.contains(name))
            return true;
    }
    return false;
}

int run(const QStringList &arguments, QString *fileToOpen)
{
    QCommandLineParser p;
    p.setApplicationDescription(
            QStringLiteral("EcoAtlas maps vendor-customer ecosystems: who hosts, funds and "
                           "supplies whom, with sources."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("file"),
                            QStringLiteral("Landscape database to open in the GUI."),
                            QStringLiteral("[FILE]"));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Landscape database to read (default: your own, "
                                               "created from the seed landscape)."),
                                QStringLiteral("FILE"));
    const QCommandLineOption exportView(QStringLiteral("export"),
                                        QStringLiteral("Render VIEW to --out without a window."),
                                        QStringLiteral("VIEW"));
    const QCommandLineOption exportAll(QStringLiteral("export-all"),
                                       QStringLiteral("Render every view as PNG, SVG and PDF "
                                                      "(or only --format) into DIR (created if "
                                                      "needed)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption out(
            QStringLiteral("out"), QStringLiteral("Output file."), QStringLiteral("PATH"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("png, svg or pdf (default: from --out's "
                                                   "suffix); json writes the spheres view's "
                                                   "geometry."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Figure size, WxH in pixels (1/96 in) or "
                                                 "WxHmm (default: the view's natural size)."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption dpi(QStringLiteral("dpi"),
                                 QStringLiteral("PNG resolution (default 96; 192 = twice the "
                                                "pixels)."),
                                 QStringLiteral("N"));
    const QCommandLineOption asOf(QStringLiteral("as-of"),
                                  QStringLiteral("Show the landscape as of this date."),
                                  QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption labels(QStringLiteral("labels"),
                                    QStringLiteral("Names in en, zh or both (default both)."),
                                    QStringLiteral("LANG"));
    const QCommandLineOption grades(QStringLiteral("grades"),
                                    QStringLiteral("Evidence grades to draw in the network, "
                                                   "spheres and tables: a comma-separated list "
                                                   "of reported, claimed, inferred (default "
                                                   "all)."),
                                    QStringLiteral("LIST"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Timelines: first date of the axis (YYYY, "
                                                 "YYYY-MM or YYYY-MM-DD)."),
                                  QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Timelines: last date of the axis."),
                                QStringLiteral("DATE"));
    const QCommandLineOption currency(QStringLiteral("currency"),
                                      QStringLiteral("Timelines: amounts in USD or CNY (default "
                                                     "USD; rates in the footer)."),
                                      QStringLiteral("CODE"));
    const QCommandLineOption transparent(QStringLiteral("transparent"),
                                         QStringLiteral("Transparent background (PNG, SVG)."));
    const QCommandLineOption listViews(QStringLiteral("list-views"),
                                       QStringLiteral("Print the exportable views, one a line."));
    const QCommandLineOption dumpJson(QStringLiteral("dump-json"),
                                      QStringLiteral("Write the whole landscape as JSON to PATH "
                                                     "(- for standard output)."),
                                      QStringLiteral("PATH"));
    const QCommandLineOption check(QStringLiteral("check"),
                                   QStringLiteral("Check the database (--db, or your own): list "
                                                  "every problem found, one a line, with the "
                                                  "record it concerns; exit 1 if there is "
                                                  "one."));
    const QCommandLineOption newDb(QStringLiteral("new-db"),
                                   QStringLiteral("Write a new database holding the seed "
                                                  "landscape."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption importFile(
            QStringLiteral("import"),
            QStringLiteral("Merge the landscape JSON file IN into the database (--db, or your "
                           "own) as one change: organizations, sources and sectors it already "
                           "has are matched by name, URL or title; ties it already has are "
                           "skipped. Prints what it adds, matches and skips."),
            QStringLiteral("IN"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("With --import: print the report, write "
                                                   "nothing."));
    p.addOptions({db,       importFile,  dryRun,    exportView, exportAll, out,  format,
                  size,     dpi,         asOf,      labels,     grades,    from, to,
                  currency, transparent, listViews, dumpJson,   newDb,     check});

    if (!p.parse(arguments))
        return fail(2, p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        say(p.helpText());
        return 0;
    }
    if (p.isSet(QStringLiteral("version"))) {
        say(QStringLiteral("%1 %2").arg(QCoreApplication::applicationName(),
                                        QCoreApplication::applicationVersion()));
        return 0;
    }
    const int actions = int(p.isSet(exportView)) + int(p.isSet(exportAll)) + int(p.isSet(listViews))
                        + int(p.isSet(dumpJson)) + int(p.isSet(newDb)) + int(p.isSet(check))
                        + int(p.isSet(importFile));
    if (actions > 1)
        return fail(2,
                    QStringLiteral("choose one of --export, --export-all, --list-views, "
                                   "--dump-json, --new-db, --check, --import"));
    if (p.isSet(dryRun) && !p.isSet(importFile))
        return fail(2, QStringLiteral("--dry-run goes with --import"));
    if (p.isSet(listViews)) {
        for (const QString &v : ViewExport::viewNames())
            say(v);
        return 0;
    }
    if (p.isSet(newDb)) {
        QString error;
        const QString path = p.value(newDb);
        if (!LandscapeDocument::createSeedDatabase(path, &error))
            return fail(1, error);
        say(QStringLiteral("wrote the seed landscape to %1").arg(path));
        return 0;
    }
    if (actions == 0) {
        const QStringList positional = p.positionalArguments();
        if (positional.size() > 1)
            return fail(2, QStringLiteral("give at most one file to open"));
        for (const QCommandLineOption &o :
             {out, format, size, dpi, asOf, labels, grades, from, to, currency})
            if (p.isSet(o))
                return fail(2, QStringLiteral("--%1 goes with --export").arg(o.names().first()));
        *fileToOpen = positional.isEmpty() ? p.value(db) : positional.first();
        return kStartGui;
    }
    if (!p.positionalArguments().isEmpty())
        return fail(
                2, QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first()));

    // Options of the figure and the file, checked before anything is read or written.
    FigureOptions figure;
    if (p.isSet(asOf)) {
        figure.asOf = QDate::fromString(p.value(asOf), Qt::ISODate);
        static const QRegularExpression iso(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
        if (!figure.asOf.isValid() || !iso.match(p.value(asOf)).hasMatch())
            return fail(2,
                        QStringLiteral("--as-of '%1' is not a date (use YYYY-MM-DD)")
                                .arg(p.value(asOf)));
    }
    if (p.isSet(labels) && !FigureOptions::parseLabels(p.value(labels), &figure.labels))
        return fail(2, QStringLiteral("--labels '%1': use en, zh or both").arg(p.value(labels)));
    if (p.isSet(grades)) {
        figure.grades = {false, false, false};
        for (const QString &name : p.value(grades).split(QLatin1Char(','))) {
            const std::optional<EvidenceGrade> g = evidenceGradeFromName(name.trimmed());
            if (!g)
                return fail(2,
                            QStringLiteral("--grades: '%1' is not one of reported, claimed, "
                                           "inferred")
                                    .arg(name.trimmed()));
            figure.grades[size_t(*g)] = true;
        }
    }
    TimelineOptions timeline;
    if (p.isSet(from)) {
        const auto d = TimelineOptions::parseDate(p.value(from));
        if (!d)
            return fail(2,
                        QStringLiteral("--from '%1' is not a date (use YYYY, YYYY-MM or "
                                       "YYYY-MM-DD)")
                                .arg(p.value(from)));
        timeline.from = *d;
    }
    if (p.isSet(to)) {
        const auto d = TimelineOptions::parseDate(p.value(to), true);
        if (!d)
            return fail(2,
                        QStringLiteral("--to '%1' is not a date (use YYYY, YYYY-MM or "
                                       "YYYY-MM-DD)")
                                .arg(p.value(to)));
        timeline.to = *d;
    }
    if (p.isSet(currency))
        timeline.currency = p.value(currency).trimmed().toUpper();
    timeline.figure = figure;
    if (const QString problem = timeline.validate(); !problem.isEmpty())
        return fail(2, problem);
    LiveViews live;
    live.timeline = timeline;
    Exporter::Options options;
    options.size = QSizeF();
    if (p.isSet(size)) {
        const std::optional<QSizeF> s = parseSize(p.value(size));
        if (!s)
            return fail(2,
                        QStringLiteral("--size '%1': use WxH in pixels, e.g. 1600x1000, or "
                                       "WxHmm")
                                .arg(p.value(size)));
        if (!(s->width() >= 16 && s->height() >= 16 && s->width() <= 20000 && s->height() <= 20000))
            return fail(2,
                        QStringLiteral("--size '%1' is out of range (16 to 20000 pixels a side)")
                                .arg(p.value(size)));
        options.size = *s;
    }
    if (p.isSet(dpi)) {
        bool ok = false;
        options.dpi = p.value(dpi).toInt(&ok);
        if (!ok || options.dpi < 24 || options.dpi > 2400)
            return fail(2,
                        QStringLiteral("--dpi '%1': use a whole number from 24 to 2400")
                                .arg(p.value(dpi)));
    }
    options.transparent = p.isSet(transparent);
    std::optional<Exporter::Format> chosenFormat;
    const bool jsonFormat = p.value(format).compare(QLatin1String("json"), Qt::CaseInsensitive) == 0
                            || (!p.isSet(format)
                                && p.value(out).endsWith(QLatin1String(".json"),
                                                         Qt::CaseInsensitive));
    if (p.isSet(format) && !jsonFormat) {
        chosenFormat = Exporter::formatFromName(p.value(format));
        if (!chosenFormat)
            return fail(2,
                        QStringLiteral("--format '%1': use png, svg, pdf (or json for the "
                                       "spheres view)")
                                .arg(p.value(format)));
    }
    if (jsonFormat && !(p.isSet(exportView) && ViewExport::hasGeometryJson(p.value(exportView))))
        return fail(2, QStringLiteral("--format json goes with --export spheres"));
    if (p.isSet(exportView)) {
        if (!ViewExport::viewNames().contains(p.value(exportView)))
            return fail(2,
                        QStringLiteral("unknown view '%1' (views: %2)")
                                .arg(p.value(exportView),
                                     ViewExport::viewNames().join(QStringLiteral(", "))));
        if (!p.isSet(out))
            return fail(2, QStringLiteral("--export needs --out PATH"));
        options.path = p.value(out);
        if (!jsonFormat) {
            if (!chosenFormat)
                chosenFormat = Exporter::formatFromPath(options.path);
            if (!chosenFormat)
                return fail(2,
                            QStringLiteral("cannot tell the format of '%1': give --format or "
                                           "end the name in .png, .svg or .pdf")
                                    .arg(options.path));
            options.format = *chosenFormat;
        }
        QString error;
        if (options.path != QLatin1String("-") && !Exporter::checkTarget(options.path, &error))
            return fail(1, error);
    }

    // Open the landscape read-only: exports never change the database.
    QString error;
    QString dbPath = p.value(db);
    if (dbPath.isEmpty()) {
        dbPath = LandscapeDocument::ensureUserDatabase(&error);
        if (dbPath.isEmpty())
            return fail(1, error);
    }
    // Never write over the database being read (it would be lost: exit 0, and the file now
    // JSON or PNG).
    QStringList outputs;
    if (p.isSet(dumpJson))
        outputs << p.value(dumpJson);
    if (p.isSet(exportView))
        outputs << options.path;
    if (p.isSet(exportAll)) {
        for (const QString &view : ViewExport::viewNames())
            for (Exporter::Format f :
                 {Exporter::Format::Png, Exporter::Format::Svg, Exporter::Format::Pdf})
                outputs << QDir(p.value(exportAll))
                                   .filePath(view + QLatin1Char('.') + Exporter::formatName(f));
    }
    for (const QString &output : std::as_const(outputs)) {
        if (overwritesDatabase(output, dbPath))
            return fail(2,
                        QStringLiteral("%1 is the database being read (%2); choose another "
                                       "output file")
                                .arg(output, dbPath));
    }
    if (p.isSet(check)) {
        // Without a byte written: the file's structure and rows first; when they pass, what
        // loading the landscape would refuse (dates, amounts).
        QStringList problems = Database::check(dbPath);
        if (problems.isEmpty()) {
            Database database;
            if (!database.open(dbPath, Database::Mode::ReadOnly, &error))
                problems << error;
            else
                problems += LandscapeStore::problems(database);
        }
        for (const QString &problem : std::as_const(problems))
            say(problem.startsWith(dbPath) ? problem
                                           : QStringLiteral("%1: %2").arg(dbPath, problem));
        if (!problems.isEmpty())
            return fail(1,
                        QStringLiteral("%1: %2 problem%3 found")
                                .arg(dbPath)
                                .arg(problems.size())
                                .arg(problems.size() == 1 ? "" : "s"));
        say(QStringLiteral("%1: no problems found").arg(dbPath));
        return 0;
    }
    if (p.isSet(importFile)) {
        if (p.isSet(format) && p.value(format) != QLatin1String("json"))
            return fail(2,
                        QStringLiteral("--import reads the landscape JSON format only so far "
                                       "(--format json)"));
        const QString in = p.value(importFile);
        QFile file(in);
        if (!file.open(QIODevice::ReadOnly))
            return fail(1, QStringLiteral("%1: %2").arg(in, file.errorString()));
        const std::optional<Landscape> incoming = LandscapeJson::fromJson(file.readAll(), &error);
        if (!incoming)
            return fail(1, QStringLiteral("%1: %2").arg(in, error));
        LandscapeDocument target;
        const Database::Mode mode = p.isSet(dryRun) ? Database::Mode::ReadOnly
                                                    : Database::Mode::ReadWrite;
        if (!target.open(dbPath, mode, &error))
            return fail(1, error);
        LandscapeImport::Report report;
        const ChangeSet change = LandscapeImport::plan(
                target.landscape(), *incoming, QFileInfo(in).fileName(), &report);
        for (const QString &line : report.lines())
            say(line);
        if (p.isSet(dryRun)) {
            say(QStringLiteral("dry run: nothing written to %1").arg(dbPath));
            return 0;
        }
        if (!target.apply(change, &error))
            return fail(1, QStringLiteral("nothing imported: %1").arg(error));
        say(QStringLiteral("imported %1 into %2 (%3 records added)")
                    .arg(in, dbPath)
                    .arg(change.changes.size()));
        return 0;
    }
    LandscapeDocument document;
    if (!document.open(dbPath, Database::Mode::ReadOnly, &error))
        return fail(1, error);

    if (p.isSet(dumpJson)) {
        const QByteArray json = QJsonDocument(LandscapeJson::toJson(document.landscape(),
                                                                    LandscapeJson::Style::Dump))
                                        .toJson(QJsonDocument::Indented);
        if (p.value(dumpJson) == QLatin1String("-")) {
            std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
            std::fflush(stdout);
            return 0;
        }
        if (!Exporter::writeFile(p.value(dumpJson), json, &error))
            return fail(1, error);
        say(QStringLiteral("wrote %1").arg(p.value(dumpJson)));
        return 0;
    }
    if (p.isSet(exportView) && jsonFormat) {
        if (!ViewExport::exportGeometryJson(
                    p.value(exportView), document, figure, options.size, options.path, &error))
            return fail(1, error);
        if (options.path != QLatin1String("-"))
            say(QStringLiteral("wrote %1").arg(options.path));
        return 0;
    }
    if (p.isSet(exportView)) {
        if (!ViewExport::exportView(p.value(exportView), document, figure, options, &error, live))
            return fail(1, error);
        say(QStringLiteral("wrote %1").arg(options.path));
        return 0;
    }
    // --export-all DIR
    const QString dir = p.value(exportAll);
    if (!QDir().mkpath(dir))
        return fail(1, QStringLiteral("cannot create the folder %1").arg(dir));
    const QList<Exporter::Format> formats = chosenFormat ? QList<Exporter::Format>{*chosenFormat}
                                                         : QList<Exporter::Format>{
                                                                 Exporter::Format::Png,
                                                                 Exporter::Format::Svg,
                                                                 Exporter::Format::Pdf};
    for (const QString &view : ViewExport::viewNames()) {
        for (Exporter::Format f : formats) {
            options.format = f;
            options.path = QDir(dir).filePath(view + QLatin1Char('.') + Exporter::formatName(f));
            if (!ViewExport::exportView(view, document, figure, options, &error, live))
                return fail(1, error);
            say(QStringLiteral("wrote %1")
                        .arg(QDir::cleanPath(QFileInfo(options.path).absoluteFilePath())));
        }
    }
    return 0;
}

} // namespace EcoAtlas::CommandLine
