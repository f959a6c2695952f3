// SPDX-License-Identifier: MIT
// ecoatlas: the GUI, or a headless command (export, JSON dump, new database). See CommandLine.h.
#include "CommandLine.h"
#include "LandscapeDocument.h"
#include "MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>

#include <cstdio>
#include <unistd.h>

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const bool headless = EcoAtlas::CommandLine::isHeadless(arguments);
    if (headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // exports need no display at all
    if (!headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
        && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::fputs("ecoatlas: no display found (DISPLAY and WAYLAND_DISPLAY are unset). Run the "
                   "window under xvfb-run, or export the views without one:\n"
                   "  ecoatlas --export-all ecoatlas-export\n",
                   stderr);
        return 1;
    }
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        // Root shells and CI often lack one; give Qt a private one instead of a warning.
        const QString dir = QDir::temp().filePath(
                QStringLiteral("ecoatlas-runtime-%1").arg(getuid()));
        if (QDir().mkpath(dir)) {
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir));
        }
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("EcoAtlas"));
    QApplication::setApplicationName(QStringLiteral("EcoAtlas"));
    QApplication::setApplicationVersion(QStringLiteral(ECOATLAS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.ecoatlas.EcoAtlas"));

    QString file;
    const int code = EcoAtlas::CommandLine::run(QApplication::arguments(), &file);
    if (code != EcoAtlas::CommandLine::kStartGui)
        return code;

    EcoAtlas::MainWindow window;
    if (file.isEmpty()) {
        QString error;
        file = EcoAtlas::LandscapeDocument::ensureUserDatabase(&error);
        if (file.isEmpty()) {
            std::fprintf(stderr, "ecoatlas: %s\n", qPrintable(error));
            return 1;
        }
    }
    if (!window.openFile(file)) {
        // The file was refused (the message said why): show the user's own landscape instead of
        // an empty window.
        QString error;
        const QString own = EcoAtlas::LandscapeDocument::ensureUserDatabase(&error);
        if (!own.isEmpty() && own != file)
            window.openFile(own);
    }
    window.show();
    return QApplication::exec();
}
