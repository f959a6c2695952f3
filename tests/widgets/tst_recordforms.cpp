// SPDX-License-Identifier: MIT
// Building a landscape in the window (issue 9): the record forms, table keys, context menus,
// delete with its consequences, merge, each followed by undo, redo and reopening the file.
// QTest drives the real MainWindow and its modal forms (offscreen).
#include "LandscapeDocument.h"
#include "LandscapeJson.h"
#include "LandscapeStore.h"
#include "LandscapeTableModels.h"
#include "MainWindow.h"
#include "NetworkDiagramModel.h"
#include "NetworkFigure.h"
#include "NetworkPage.h"
#include "NetworkView.h"
#include "RecordForm.h"
#include "SphereMapModel.h"
#include "SphereView.h"
#include "TablePage.h"
#include "ViewState.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <vector>

using namespace EcoAtlas;

namespace {

/// Runs `step` on the modal dialog that opens next (polled, so it works for nested modals).
QTimer *onNextModal(std::function<void(QWidget *)> step, QWidget *notThis = nullptr)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, step, notThis] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal == notThis)
            return;
        timer->stop();
        timer->deleteLater();
        step(modal);
        // A failed check inside the step must not leave the dialog waiting forever.
        if (QTest::currentTestFailed())
            if (auto *dialog = qobject_cast<QDialog *>(modal); dialog && dialog->isVisible())
                dialog->reject();
    });
    timer->start();
    return timer;
}

/// Types `text` into `w` as an input method commits it (Chinese input).
void commitText(QWidget *w, const QString &text)
{
    QInputMethodEvent e;
    e.setCommitString(text);
    QApplication::sendEvent(w, &e);
}

/// Saves a picture of `w` as NAME.png in $ECOATLAS_SCREENSHOT_DIR, when that is set (for
/// looking at the forms; the tests do not depend on it).
void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("ECOATLAS_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

void clickOk(QWidget *dialog)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(box);
    QPushButton *ok = box->button(QDialogButtonBox::Ok);
    QVERIFY(ok);
    QTest::mouseClick(ok, Qt::LeftButton);
}

/// Clicks OK and fails (with every message the form shows) when the form stays open.
void submit(RecordForm *form)
{
    clickOk(form);
    if (!form->isVisible())
        return;
    QStringList messages{form->generalMessage()};
    for (const char *m : {"name_en",
                          "from",
                          "to",
                          "sector",
                          "start",
                          "end",
                          "amount",
                          "units",
                          "stake",
                          "sources",
                          "claimant",
                          "rationale",
                          "publisher",
                          "title",
                          "date",
                          "url",
                          "status"})
        if (!form->message(QString::fromLatin1(m)).isEmpty())
            messages << QStringLiteral("%1: %2").arg(QString::fromLatin1(m),
                                                     form->message(QString::fromLatin1(m)));
    QFAIL(qPrintable(QStringLiteral("the form stayed open: ")
                     + messages.join(QStringLiteral(" | "))));
}

QLineEdit *lineEdit(RecordForm *form, const char *member)
{
    return qobject_cast<QLineEdit *>(form->field(QString::fromLatin1(member)));
}

/// The stored landscape as a dump (through a fresh read-only connection).
QByteArray storedDump(const QString &path)
{
    Database db;
    QString error;
    if (!db.open(path, Database::Mode::ReadOnly, &error))
        return error.toUtf8();
    const std::optional<Landscape> l = LandscapeStore::load(db, &error);
    return l ? QJsonDocument(LandscapeJson::toJson(*l, LandscapeJson::Style::Dump)).toJson()
             : error.toUtf8();
}

RowId idOf(const MainWindow &w, const char *key)
{
    const Organization *o = w.document()->landscape().organizationByKey(QString::fromLatin1(key));
    return o ? o->id : 0;
}

} // namespace

class TestRecordForms : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void init()
    {
        QSettings().clear();
        m_path = m_dir.filePath(QStringLiteral("%1.ecoatlas")
                                        .arg(QString::fromLatin1(QTest::currentTestFunction())));
        QString error;
        QVERIFY2(LandscapeDocument::createSeedDatabase(m_path, &error), qPrintable(error));
    }

    void addOrganizationWithChineseInput()
    {
        const QByteArray before = storedDump(m_path);
        QByteArray after;
        {
            MainWindow w;
            w.show();
            QVERIFY(w.openFile(m_path));
            onNextModal([](QWidget *modal) {
                auto *form = qobject_cast<RecordForm *>(modal);
                QVERIFY(form);
                QCOMPARE(form->windowTitle(), QStringLiteral("Add Organization"));
                QTest::keyClicks(lineEdit(form, "name_en"), QStringLiteral("Moonshot AI"));
                lineEdit(form, "name_zh")->setFocus();
                commitText(lineEdit(form, "name_zh"), QStringLiteral("月之暗面"));
                QTest::keyClicks(lineEdit(form, "aliases"), QStringLiteral("Kimi; Yuezhi Anmian"));
                auto *roles = qobject_cast<QListWidget *>(form->field(QStringLiteral("roles")));
                roles->setFocus();
                roles->setCurrentRow(2); // Model developer
                QTest::keyClick(roles, Qt::Key_Space);
                auto *country = qobject_cast<QComboBox *>(form->field(QStringLiteral("country")));
                country->lineEdit()->selectAll();
                QTest::keyClicks(country->lineEdit(), QStringLiteral("China"));
                screenshot(form, QStringLiteral("form-organization"));
                submit(form);
            });
            QVERIFY(w.addRecord(RecordKind::Organization));
            const Organization *o = w.document()->landscape().organizationByKey(
                    QStringLiteral("moonshot-ai"));
            QVERIFY(o);
            const QJsonObject expected{
                    {QStringLiteral("key"), QStringLiteral("moonshot-ai")},
                    {QStringLiteral("name_en"), QStringLiteral("Moonshot AI")},
                    {QStringLiteral("name_zh"), QStringLiteral("月之暗面")},
                    {QStringLiteral("aliases"),
                     QJsonArray{QStringLiteral("Kimi"), QStringLiteral("Yuezhi Anmian")}},
                    {QStringLiteral("roles"), QJsonArray{QStringLiteral("model_developer")}},
                    {QStringLiteral("country"), QStringLiteral("CN")},
                    {QStringLiteral("notes"), QString()}};
            QCOMPARE(LandscapeJson::recordToJson(w.document()->landscape(), *o), expected);
            // Selected everywhere, and in the organizations table.
            QCOMPARE(w.viewState()->selectedOrganization(), o->id);
            after = storedDump(m_path);
            w.undoStack()->undo();
            QCOMPARE(storedDump(m_path), before);
            w.undoStack()->redo();
            QCOMPARE(storedDump(m_path), after);
        }
        MainWindow again;
        QVERIFY(again.openFile(m_path));
        QVERIFY(again.document()->landscape().organizationByKey(QStringLiteral("moonshot-ai")));
        QCOMPARE(storedDump(m_path), after);
    }

    void addTieWithNewSourceFromTheForm()
    {
        const QByteArray before = storedDump(m_path);
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_path));
        const RowId tencentCloud = idOf(w, "tencent-cloud");
        const RowId zhipu = idOf(w, "zhipu-ai");
        const int ties = w.document()->landscape().ties.size();
        onNextModal([](QWidget *modal) {
            auto *form = qobject_cast<RecordForm *>(modal);
            QVERIFY(form);
            QTest::keyClicks(lineEdit(form, "start"), QStringLiteral("March 2024"));
            QCOMPARE(form->preview(QStringLiteral("start")), QStringLiteral("→ 1–31 Mar 2024"));
            // A new source, made inside the tie form.
            onNextModal(
                    [](QWidget *nestedModal) {
                        auto *nested = qobject_cast<RecordForm *>(nestedModal);
                        QVERIFY(nested);
                        QTest::keyClicks(lineEdit(nested, "url"),
                                         QStringLiteral("https://www.reuters.com/technology/x"));
                        QCOMPARE(lineEdit(nested, "publisher")->text(), QStringLiteral("Reuters"));
                        QTest::keyClicks(lineEdit(nested, "title"),
                                         QStringLiteral("Tencent Cloud hosts Zhipu AI"));
                        QTest::keyClicks(lineEdit(nested, "date"), QStringLiteral("2024-03-05"));
                        screenshot(nested, QStringLiteral("form-source"));
                        submit(nested);
                    },
                    form);
            QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("NewSource")),
                              Qt::LeftButton);
            screenshot(form, QStringLiteral("form-tie"));
            submit(form);
        });
        QVERIFY(w.addRecord(RecordKind::Tie, QStringLiteral("hosting"), tencentCloud, zhipu));
        QCOMPARE(w.document()->landscape().ties.size(), ties + 1);
        const Tie &t = w.document()->landscape().ties.last();
        QCOMPARE(t.kind, QStringLiteral("hosting"));
        QCOMPARE(t.fromId, tencentCloud);
        QCOMPARE(t.toId, zhipu);
        QCOMPARE(t.start.toString(), QStringLiteral("2024-03"));
        QCOMPARE(t.sourceIds.size(), 1);
        const Source *s = w.document()->landscape().source(t.sourceIds.first());
        QVERIFY(s);
        QCOMPARE(s->publisher, QStringLiteral("Reuters"));
        QCOMPARE(s->url, QStringLiteral("https://www.reuters.com/technology/x"));
        QCOMPARE(s->date.toString(), QStringLiteral("2024-03-05"));
        // One undo step takes the tie and its new source.
        QCOMPARE(w.undoStack()->count(), 1);
        w.undoStack()->undo();
        QCOMPARE(storedDump(m_path), before);
    }

    void addTieOfEachKind()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_path));
        const RowId from = idOf(w, "huawei-cloud");
        const RowId to = idOf(w, "iflytek");
        for (const QString &kind : Vocabulary::tieKinds()) {
            const int ties = w.document()->landscape().ties.size();
            onNextModal([kind](QWidget *modal) {
                auto *form = qobject_cast<RecordForm *>(modal);
                QVERIFY(form);
                auto *kinds = qobject_cast<QComboBox *>(form->field(QStringLiteral("kind")));
                QCOMPARE(kinds->currentData().toString(), kind);
                auto *sources = qobject_cast<QListWidget *>(form->field(QStringLiteral("sources")));
                sources->setFocus();
                sources->setCurrentRow(0);
                QTest::keyClick(sources, Qt::Key_Space);
                if (kind == QLatin1String("serves")) {
                    QVERIFY(form->field(QStringLiteral("sector"))->isVisibleTo(form));
                    QVERIFY(!form->field(QStringLiteral("to"))->isVisibleTo(form));
                    qobject_cast<QComboBox *>(form->field(QStringLiteral("sector")))
                            ->setCurrentIndex(1);
                }
                if (kind == QLatin1String("investment") || kind == QLatin1String("chip_order"))
                    commitText(lineEdit(form, "amount"), QStringLiteral("¥25亿"));
                if (kind == QLatin1String("chip_order"))
                    QTest::keyClicks(lineEdit(form, "units"), QStringLiteral("about 1,000"));
                if (kind == QLatin1String("ownership"))
                    QTest::keyClicks(lineEdit(form, "stake"), QStringLiteral("over 50"));
                submit(form);
            });
            QVERIFY2(w.addRecord(RecordKind::Tie, kind, from, to), qPrintable(kind));
            QCOMPARE(w.document()->landscape().ties.size(), ties + 1);
            const Tie &t = w.document()->landscape().ties.last();
            QCOMPARE(t.kind, kind);
            QCOMPARE(t.sourceIds.size(), 1);
            if (kind == QLatin1String("investment")) {
                QCOMPARE(*t.amount.value, 2.5e9);
                QCOMPARE(t.amount.currency, QStringLiteral("CNY"));
            }
            if (kind == QLatin1String("chip_order")) {
                QCOMPARE(*t.units.value, 1000.0);
                QCOMPARE(t.units.qualifier, Amount::Qualifier::About);
                QCOMPARE(t.status, QStringLiteral("ordered"));
            }
            if (kind == QLatin1String("ownership")) {
                QCOMPARE(*t.stake.value, 50.0);
                QCOMPARE(t.stake.qualifier, Amount::Qualifier::Over);
            }
            if (kind == QLatin1String("serves"))
                QVERIFY(t.sectorId != 0);
        }
        QCOMPARE(w.undoStack()->count(), 8);
    }

    void editFuzzyDateAndBoundedAmount()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_path));
        RowId id = 0;
        for (const Tie &t : w.document()->landscape().ties)
            if (t.kind == QLatin1String("investment") && !id)
                id = t.id;
        const QByteArray before = storedDump(m_path);
        onNextModal([](QWidget *modal) {
            auto *form = qobject_cast<RecordForm *>(modal);
            QVERIFY(form);
            QLineEdit *start = lineEdit(form, "start");
            start->selectAll();
            QTest::keyClicks(start, QStringLiteral("late October 2023"));
            QCOMPARE(form->preview(QStringLiteral("start")), QStringLiteral("→ 21–31 Oct 2023"));
            QLineEdit *amount = lineEdit(form, "amount");
            amount->selectAll();
            QTest::keyClicks(amount, QStringLiteral("up to $4 billion"));
            QCOMPARE(form->preview(QStringLiteral("amount")),
                     QStringLiteral("→ up to 4 billion USD"));
            screenshot(form, QStringLiteral("form-investment"));
            submit(form);
        });
        QVERIFY(w.editRecord(RecordKind::Tie, id));
        const Tie *t = w.document()->landscape().tie(id);
        QCOMPARE(t->start.toString(), QStringLiteral("2023-10-late"));
        QCOMPARE(*t->amount.value, 4e9);
        QCOMPARE(t->amount.currency, QStringLiteral("USD"));
        QCOMPARE(t->amount.qualifier, Amount::Qualifier::UpTo);
        const QByteArray after = storedDump(m_path);
        w.undoStack()->undo();
        QCOMPARE(storedDump(m_path), before);
        w.undoStack()->redo();
        QCOMPARE(storedDump(m_path), after);
    }

    void badValuesGetAMessageBesideTheField()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_path));
        const QByteArray before = storedDump(m_path);
        onNextModal([](QWidget *modal) {
            auto *form = qobject_cast<RecordForm *>(modal);
            QVERIFY(form);
            clickOk(form); // no name
            QVERIFY(form->isVisible());
            QCOMPARE(form->message(QStringLiteral("name_en")), QStringLiteral("is required"));
            QTest::keyClicks(lineEdit(form, "name_en"), QStringLiteral("X Lab"));
            auto *country = qobject_cast<QComboBox *>(form->field(QStringLiteral("country")));
            country->lineEdit()->selectAll();
            QTest::keyClicks(country->lineEdit(), QStringLiteral("Atlantis"));
            clickOk(form);
            QVERIFY(form->isVisible());
            QCOMPARE(form->message(QStringLiteral("name_en")), QString());
            QCOMPARE(form->message(QStringLiteral("country")),
                     QStringLiteral("'Atlantis' is not an ISO 3166 country code such as CN"));
            form->reject();
        });
        QVERIFY(!w.addRecord(RecordKind::Organization));
        onNextModal([](QWidget *modal) {
            auto *form = qobject_cast<RecordForm *>(modal);
            QVERIFY(form);
            QTest::keyClicks(lineEdit(form, "start"), QStringLiteral("32 Oct 2023"));
            QVERIFY(form->preview(QStringLiteral("start")).contains(QStringLiteral("32 Oct 2023")));
            clickOk(form);
            QVERIFY(form->isVisible());
            QVERIFY(!form->message(QStringLiteral("start")).isEmpty());
            // A readable date, but no source and not inferred: provenance is asked for.
            lineEdit(form, "start")->clear();
            clickOk(form);
            QVERIFY(form->isVisible());
            QVERIFY(form->message(QStringLiteral("sources"))
                            .startsWith(QStringLiteral("Cite a source")));
            screenshot(form, QStringLiteral("form-messages"));
            // Inferred needs its rationale, beside the rationale field.
            auto *grade = qobject_cast<QComboBox *>(form->field(QStringLiteral("evidence")));
            grade->setCurrentIndex(grade->findData(QStringLiteral("inferred")));
            QVERIFY(form->field(QStringLiteral("rationale"))->isVisibleTo(form));
            QVERIFY(!form->field(QStringLiteral("claimant"))->isVisibleTo(form));
            clickOk(form);
            QVERIFY(form->isVisible());
            QCOMPARE(form->message(QStringLiteral("rationale")),
                     QStringLiteral("an inferred item needs a rationale (why the sources support "
                                    "it)"));
            form->reject();
        });
        QVERIFY(!w.addRecord(RecordKind::Tie,
                             QStringLiteral("partnership"),
                             idOf(w, "baidu"),
                             idOf(w, "huawei")));
        QCOMPARE(w.undoStack()->count(), 0);
        QCOMPARE(storedDump(m_path), before);
    }

    void deleteKeyDeletesWithItsDependents()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_path));
        const QByteArray before = storedDump(m_path);
        TablePage *orgs = w.tablePages().first();
        w.findChild<QTabWidget *>()->setCurrentWidget(orgs);
        const RowId baichuan = idOf(w, "baichuan");
        orgs->selectRecord(baichuan);
        QCOMPARE(orgs->currentId(), baichuan);
        QString asked;
        onNextModal([&asked](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            asked = box->text();
            for (QAbstractButton *b : box->buttons())
                if (b->text() == QLatin1String("&Delete"))
                    QTest::mouseClick(b, Qt::LeftButton);
        });
        orgs->view()->setFocus();
        QTest::keyClick(orgs->view(), Qt::Key_Delete);
        QCOMPARE(asked,
                 QStringLiteral("Deleting Baichuan Intelligence also deletes 6 ties and 2 "
                                "figures."));
        QVERIFY(!w.document()->landscape().organization(baichuan));
        const QByteArray after = storedDump(m_path);
        w.undoStack()->undo();
        QCOMPARE(storedDump(m_path), before);
        w.undoStack()->redo();
        QCOMPARE(storedDump(m_path), after);
        // Cancel deletes nothing.
        const RowId minimax = idOf(w, "minimax");
        onNextModal([](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            box->reject();
        });
        QVERIFY(!w.deleteRecord(RecordKind::Organization, minimax));
        QVERIFY(w.document()->landscape().organization(minimax));
    }

    void mergeFromTheNetworkContextMenu()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_path));
        Organization dup;
        dup.nameEn = QStringLiteral("Zhipu");
        dup.roles = {QStringLiteral("model_developer")};
        QString error;
        QVERIFY(w.document()->apply(w.document()->addChange(dup), &error));
        const RowId dupId = idOf(w, "zhipu");
        const QByteArray before = storedDump(m_path);
        std::unique_ptr<QMenu> menu(w.createOrganizationMenu(dupId));
        QStringList texts;
        QAction *merge = nullptr;
        for (QAction *a : menu->actions()) {
            texts << a->text();
            if (a->text() == QStringLiteral("&Merge Into…"))
                merge = a;
        }
        QCOMPARE(texts,
                 QStringList({QStringLiteral("&Edit Zhipu…"),
                              QStringLiteral("Add &Tie from Here…"),
                              QStringLiteral("Add &Figure about It…"),
                              QStringLiteral("Show in &Table"),
                              QStringLiteral("&Merge Into…"),
                              QString(),
                              QStringLiteral("&Delete Zhipu…")}));
        onNextModal([](QWidget *modal) {
            auto *ask = qobject_cast<QInputDialog *>(modal);
            QVERIFY(ask);
            ask->setTextValue(QStringLiteral("Zhipu AI (智谱AI)"));
            ask->accept();
        });
        merge->trigger();
        const RowId zhipu = idOf(w, "zhipu-ai");
        QVERIFY(!w.document()->landscape().organization(dupId));
        QVERIFY(w.document()->landscape().organization(zhipu)->aliases.contains(
                QStringLiteral("Zhipu")));
        QCOMPARE(w.viewState()->selectedOrganization(), zhipu);
        w.undoStack()->undo();
        QCOMPARE(storedDump(m_path), before);
    }

    void regionMovesAreUndoableAndStored()
    {
        RowId alibabaCloud = 0;
        {
            MainWindow w;
            QVERIFY(w.openFile(m_path));
            SphereMapModel *spheres = w.sphereModel();
            QVERIFY(spheres->fixedCenters().isEmpty());
            alibabaCloud = idOf(w, "alibaba-cloud");
            pushRegionPlacement(w.undoStack(),
                                spheres,
                                {{alibabaCloud, QPointF(120, -40)}},
                                QStringLiteral("Move region"));
            QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Move region"));
            QCOMPARE(spheres->fixedCenters().value(alibabaCloud), QPointF(120, -40));
            w.undoStack()->undo();
            QVERIFY(spheres->fixedCenters().isEmpty());
            w.undoStack()->redo();
        }
        // Stored like node positions: a fresh window puts the region back.
        MainWindow again;
        QVERIFY(again.openFile(m_path));
        QCOMPARE(again.sphereModel()->fixedCenters().value(alibabaCloud), QPointF(120, -40));
    }

    void shiftDragDrawsATie()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(w.openFile(m_path));
        w.findChild<QTabWidget *>()->setCurrentWidget(w.networkPage());
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        NetworkView *view = w.networkPage()->view();
        const NetworkFigure &f = view->figure();
        const QTransform t = f.fitTransform(f.frame(QRectF(view->rect())).plot)
                             * view->viewTransform();
        const RowId baidu = idOf(w, "baidu");
        const RowId huawei = idOf(w, "huawei");
        const QPoint from = t.map(f.positions().at(
                                          w.networkModel()->graph().indexOfOrganization(baidu)))
                                    .toPoint();
        const QPoint to = t.map(f.positions().at(
                                        w.networkModel()->graph().indexOfOrganization(huawei)))
                                  .toPoint();
        const int ties = w.document()->landscape().ties.size();
        onNextModal([](QWidget *modal) {
            auto *form = qobject_cast<RecordForm *>(modal);
            QVERIFY(form);
            QCOMPARE(qobject_cast<OrganizationPicker *>(form->field(QStringLiteral("from")))->key(),
                     std::optional<QString>(QStringLiteral("baidu")));
            QCOMPARE(qobject_cast<OrganizationPicker *>(form->field(QStringLiteral("to")))->key(),
                     std::optional<QString>(QStringLiteral("huawei")));
            auto *grade = qobject_cast<QComboBox *>(form->field(QStringLiteral("evidence")));
            grade->setCurrentIndex(grade->findData(QStringLiteral("inferred")));
            QTest::keyClicks(lineEdit(form, "rationale"), QStringLiteral("Both use Ascend chips"));
            submit(form);
        });
        QTest::mousePress(view, Qt::LeftButton, Qt::ShiftModifier, from);
        for (int step = 1; step <= 4; ++step) {
            const QPointF at = from + (to - from) * (step / 4.0);
            QMouseEvent move(QEvent::MouseMove,
                             at,
                             view->mapToGlobal(at),
                             Qt::NoButton,
                             Qt::LeftButton,
                             Qt::ShiftModifier);
            QApplication::sendEvent(view, &move);
        }
        QTest::mouseRelease(view, Qt::LeftButton, Qt::ShiftModifier, to);
        QCOMPARE(w.document()->landscape().ties.size(), ties + 1);
        const Tie &tie = w.document()->landscape().ties.last();
        QCOMPARE(tie.kind, QStringLiteral("partnership"));
        QCOMPARE(tie.fromId, baidu);
        QCOMPARE(tie.toId, huawei);
        QCOMPARE(tie.evidence.grade, EvidenceGrade::Inferred);
        QCOMPARE(tie.evidence.rationale, QStringLiteral("Both use Ascend chips"));
        // The diagram shows it at once, and nodes did not move.
        QCOMPARE(w.networkModel()->graph().edges.size(), ties + 1);
    }

    void modelsStayConsistentThroughEdits()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_path));
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (TablePage *page : w.tablePages()) {
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                    page->proxy()->sourceModel(),
                    QAbstractItemModelTester::FailureReportingMode::QtTest));
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                    page->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest));
        }
        QString error;
        LandscapeDocument *doc = w.document();
        QVERIFY(doc->apply(doc->deleteChange(RecordKind::Organization, idOf(w, "baichuan")),
                           &error));
        QVERIFY(doc->editOrganization(
                idOf(w, "baidu"), QStringLiteral("name_en"), QStringLiteral("Baidu Inc"), &error));
        Sector x;
        x.nameEn = QStringLiteral("Transport");
        x.nameZh = QStringLiteral("交通");
        QVERIFY(doc->apply(doc->addChange(x), &error));
        QCOMPARE(w.tablePages().at(14)->proxy()->rowCount(), 7);
        w.undoStack()->undo();
        w.undoStack()->undo();
        w.undoStack()->undo();
        QCOMPARE(w.tablePages().first()->proxy()->rowCount(), 32);
        QCOMPARE(w.tablePages().at(14)->proxy()->rowCount(), 6);
    }

    void saveACopyAddsTheSuffixAndAsksOnceForAnExistingFile()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_path));
        const QString base = m_dir.filePath(
                QStringLiteral("copy-%1").arg(QDateTime::currentMSecsSinceEpoch()));
        QAction *saveCopy = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->text() == QStringLiteral("Save a &Copy…"))
                saveCopy = a;
        QVERIFY(saveCopy);
        onNextModal([base](QWidget *modal) {
            auto *dialog = qobject_cast<QFileDialog *>(modal);
            QVERIFY(dialog);
            dialog->selectFile(base);
            QMetaObject::invokeMethod(dialog, "accept");
        });
        saveCopy->trigger();
        QVERIFY(QFileInfo::exists(base + QStringLiteral(".ecoatlas")));
        // Again with the same name: one message, then the dialog again (cancelled here).
        QString said;
        onNextModal([base, &said](QWidget *modal) {
            auto *dialog = qobject_cast<QFileDialog *>(modal);
            QVERIFY(dialog);
            onNextModal(
                    [&said](QWidget *box) {
                        auto *message = qobject_cast<QMessageBox *>(box);
                        QVERIFY(message);
                        said = message->text();
                        onNextModal(
                                [](QWidget *again) {
                                    QVERIFY(qobject_cast<QFileDialog *>(again));
                                    qobject_cast<QDialog *>(again)->reject();
                                },
                                box);
                        message->accept();
                    },
                    dialog);
            dialog->selectFile(base);
            QMetaObject::invokeMethod(dialog, "accept");
        });
        saveCopy->trigger();
        QCOMPARE(said,
                 QStringLiteral("%1.ecoatlas already exists. EcoAtlas never replaces a landscape "
                                "file: choose another name.")
                         .arg(QFileInfo(base).fileName()));
    }

    void importShowsAPreviewAndIsOneUndoStep()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_path));
        const QByteArray before = storedDump(m_path);
        const QString in = m_dir.filePath(QStringLiteral("import.json"));
        {
            QFile f(in);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"format\": \"ecoatlas-landscape\", \"version\": 2, \"organizations\": ["
                    "{\"key\": \"a\", \"name_en\": \"Aliyun\"},"
                    "{\"key\": \"b\", \"name_en\": \"StepFun\", \"roles\": [\"model_developer\"]}],"
                    "\"ties\": [{\"key\": \"t\", \"kind\": \"hosting\", \"from\": \"a\", "
                    "\"to\": \"b\", \"evidence\": \"inferred\", \"rationale\": \"test\"}]}");
        }
        QString informative;
        onNextModal([&informative](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            informative = box->informativeText();
            box->reject(); // Cancel: nothing written
        });
        QVERIFY(!w.importFile(in));
        QVERIFY(informative.startsWith(QStringLiteral("organizations: 1 new, 1 matched\n")));
        QCOMPARE(storedDump(m_path), before);
        onNextModal([](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            QCOMPARE(box->text(), QStringLiteral("Import 2 records?"));
            for (QAbstractButton *b : box->buttons())
                if (b->text() == QLatin1String("&Import"))
                    QTest::mouseClick(b, Qt::LeftButton);
        });
        QVERIFY(w.importFile(in));
        QVERIFY(w.document()->landscape().organizationByKey(QStringLiteral("b")));
        QCOMPARE(w.undoStack()->undoText(), QStringLiteral("Import import.json"));
        w.undoStack()->undo();
        QCOMPARE(storedDump(m_path), before);
    }

    void everyKindHasAFormAndDerivedListsFollow()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_path));
        const QList<std::pair<RecordKind, QString>> kinds{
                {RecordKind::Organization, QStringLiteral("Add Organization")},
                {RecordKind::Tie, QStringLiteral("Add Tie")},
                {RecordKind::Source, QStringLiteral("Add Source")},
                {RecordKind::Figure, QStringLiteral("Add Figure")},
                {RecordKind::Product, QStringLiteral("Add Product")},
                {RecordKind::Deal, QStringLiteral("Add Deal")},
                {RecordKind::Sector, QStringLiteral("Add Sector")}};
        for (const auto &[kind, title] : kinds) {
            QString shown;
            onNextModal([&shown, name = recordKindName(kind)](QWidget *modal) {
                shown = modal->windowTitle();
                screenshot(modal, QStringLiteral("form-add-") + name);
                qobject_cast<QDialog *>(modal)->reject();
            });
            QVERIFY(!w.addRecord(kind));
            QCOMPARE(shown, title);
        }
        // The search completer and the group list follow a rename at once.
        QString error;
        QVERIFY(w.document()->editOrganization(idOf(w, "alibaba-group"),
                                               QStringLiteral("name_en"),
                                               QStringLiteral("Alibaba Holding"),
                                               &error));
        const auto *names = qobject_cast<QStringListModel *>(
                w.networkPage()->searchField()->completer()->model());
        QVERIFY(names);
        QVERIFY(names->stringList().contains(QStringLiteral("Alibaba Holding")));
        QVERIFY(!names->stringList().contains(QStringLiteral("Alibaba Group")));
        bool inGroups = false;
        for (QComboBox *c : w.networkPage()->findChildren<QComboBox *>())
            for (int i = 0; i < c->count(); ++i)
                inGroups = inGroups || c->itemText(i).contains(QStringLiteral("Alibaba Holding"));
        QVERIFY(inGroups);
    }

    void hostileNamesStayText()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_path));
        Organization o;
        o.nameEn = QStringLiteral("<b>Bold</b> & <img src=x>");
        QString error;
        QVERIFY(w.document()->apply(w.document()->addChange(o), &error));
        const RowId id = w.document()->landscape().organizations.last().id;
        QStringList formats;
        onNextModal([&formats](QWidget *modal) {
            for (QLabel *label : modal->findChildren<QLabel *>())
                if (!label->text().isEmpty())
                    formats << QString::number(int(label->textFormat())) + u' ' + label->text();
            qobject_cast<QDialog *>(modal)->reject();
        });
        QVERIFY(!w.deleteRecord(RecordKind::Organization, id));
        QVERIFY(!formats.isEmpty());
        for (const QString &f : std::as_const(formats))
            QVERIFY2(f.startsWith(QString::number(int(Qt::PlainText)) + u' '), qPrintable(f));
        formats.clear();
        onNextModal([&formats](QWidget *modal) {
            for (QLabel *label : modal->findChildren<QLabel *>())
                if (label->text().contains(QStringLiteral("<b>")))
                    formats << QString::number(int(label->textFormat()));
            qobject_cast<QDialog *>(modal)->reject();
        });
        QVERIFY(!w.mergeOrganization(id));
        QCOMPARE(formats, QStringList{QString::number(int(Qt::PlainText))});
    }

    void cellEditorStartsWithTheValue()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_path));
        TablePage *orgs = w.tablePages().first();
        w.findChild<QTabWidget *>()->setCurrentWidget(orgs);
        orgs->selectRecord(idOf(w, "zhipu-ai"));
        orgs->view()->setFocus();
        QTest::keyClick(orgs->view(), Qt::Key_F2);
        auto *editor = orgs->view()->findChild<QLineEdit *>();
        QVERIFY(editor);
        QCOMPARE(editor->text(), QStringLiteral("Zhipu AI"));
        QCOMPARE(editor->selectedText(), QStringLiteral("Zhipu AI"));
        // Return commits the edit and does nothing else: no form opens (it used to, with the
        // old name, which Save then wrote back).
        bool formOpened = false;
        QTimer *watch = onNextModal([&formOpened](QWidget *modal) {
            formOpened = true;
            qobject_cast<QDialog *>(modal)->reject();
        });
        QTest::keyClicks(editor, QStringLiteral("Zhipu AI Lab"));
        QTest::keyClick(editor, Qt::Key_Return);
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        delete watch;
        QVERIFY(!formOpened);
        QCOMPARE(w.document()->landscape().organization(idOf(w, "zhipu-ai"))->nameEn,
                 QStringLiteral("Zhipu AI Lab"));

        // A double-click on a cell that is not edited in place opens the record's form.
        TablePage *sources = w.tablePages().at(12);
        w.findChild<QTabWidget *>()->setCurrentWidget(sources);
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCoreApplication::processEvents();
        const QRect cell = sources->view()->visualRect(sources->proxy()->index(0, 0));
        QString title;
        onNextModal([&title](QWidget *modal) {
            title = modal->windowTitle();
            qobject_cast<QDialog *>(modal)->reject();
        });
        // As a real double-click arrives: press, release, then the double-click.
        QTest::mousePress(sources->view()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseRelease(sources->view()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(sources->view()->viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY2(title.startsWith(QStringLiteral("Edit Source — ")), qPrintable(title));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestRecordForms)
#include "tst_recordforms.moc"
