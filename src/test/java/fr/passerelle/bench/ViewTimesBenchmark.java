package fr.passerelle.bench;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Benchmark harness (not a test), issues 19 and 20: the time to content of every view of the real
 * shell at 1366×768, on a data folder (e.g. the region-scale demo). For each rail entry, in rail
 * order, and {@code rounds} times: the time from the click to the first frame that shows the view
 * (and whether a background task was then running, i.e. the view showed its progress state), and to
 * the end of the view's background work (no task left, twice 50 ms apart). Round 1 is the first
 * open; later rounds are a return to the view (its refresh). Run under Xvfb:
 *
 * <pre>
 * xvfb-run -a -s '-screen 0 1366x768x24' java -Xmx512m -cp target/test-classes:target/classes:$CP \
 *   fr.passerelle.bench.ViewTimesBenchmark DIR [rounds]
 * </pre>
 *
 * An encrypted folder is opened with the password from {@code PASSERELLE_BENCH_PASSWORD} (the test
 * administrator's, {@code TestServices.openAny}). With {@code -Dbench.shots=DIR}, each view's
 * window is also saved once its first open is done, as {@code DIR/<view><bench.shotSuffix>.png}
 * (the candidates view after a search for {@code bench.shotSearch}, "martin" by default; the lists
 * view with its first list open), taken after the timing so it changes no figure. With {@code
 * -Dbench.warmUp=atShow} the other views are built ahead from the shell's first frame on, as the
 * application does (with {@code -Dbench.warmUp=true}, after the dashboard's first work). See
 * docs/benchmarks.md.
 */
public final class ViewTimesBenchmark {
  private static Path dir;
  private static int rounds;

  private ViewTimesBenchmark() {}

  public static void main(String[] args) {
    dir = Path.of(args[0]);
    rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Application.launch(App.class);
  }

  /** The window (a class of its own: the launcher refuses a main class that is an Application). */
  public static final class App extends Application {
    @Override
    public void start(Stage stage) {
      ViewTimesBenchmark.start(stage);
    }
  }

  private static void start(Stage stage) {
    // as the application does in French (AppController.showShell): the libraries' own texts
    // (CalendarFX's) in French, formats French
    java.util.Locale.setDefault(java.util.Locale.FRENCH);
    java.util.Locale.setDefault(java.util.Locale.Category.FORMAT, java.util.Locale.FRANCE);
    long open = System.nanoTime();
    Services s = TestServices.openAny(dir);
    System.out.printf("open and sign-in: %d ms%n", ms(open));
    long shown = System.nanoTime();
    ShellHarness h = ShellHarness.showOnALaptop(stage, s);
    // -Dbench.size=1920x1080: the other supported size (#19), the screen made as large
    String[] size = System.getProperty("bench.size", "1366x768").split("x");
    stage.setWidth(Double.parseDouble(size[0]));
    stage.setHeight(Double.parseDouble(size[1]));
    boolean asTheApp = "atShow".equals(System.getProperty("bench.warmUp"));
    if (asTheApp) {
      // -Dbench.warmUp=atShow: the other views built ahead from the shell's first frame on, as
      // AppController.showShell does, beside the dashboard's first passes
      h.shell().warmUp(javafx.util.Duration.seconds(1.5));
    }
    Thread t =
        new Thread(
            () -> {
              try {
                System.out.printf(
                    "dashboard's first figures: %d ms after the shell was shown%n",
                    figure(h, shown, "#fig-offers-ft"));
                System.out.printf(
                    "dashboard's every figure: %d ms after the shell was shown%n",
                    figure(h, shown, "#fig-offers-hard"));
                System.out.printf(
                    "shell's first work done: %d ms after it was shown%n", idle(h, shown));
                if (!asTheApp && Boolean.getBoolean("bench.warmUp")) {
                  // as the application does (AppController): the other views built ahead
                  Platform.runLater(() -> h.shell().warmUp(javafx.util.Duration.seconds(1.5)));
                  Thread.sleep(1500L * h.features().size() + 3000);
                  System.out.println("views built ahead (ShellView.warmUp)");
                }
                measure(h);
              } catch (Exception e) {
                e.printStackTrace();
              } finally {
                Platform.runLater(
                    () -> {
                      try {
                        h.tasks().close();
                      } finally {
                        s.close();
                        Platform.exit();
                      }
                    });
              }
            },
            "view-times");
    t.setDaemon(true);
    t.start();
  }

  private static void measure(ShellHarness h) throws Exception {
    List<String> ids = h.features().stream().map(f -> f.id()).toList();
    List<String> lines = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (int i = 0; i < ids.size(); i++) {
        int index = i;
        long t0 = System.nanoTime();
        CompletableFuture<boolean[]> frame = new CompletableFuture<>();
        Platform.runLater(
            () -> {
              Runnable[] once = new Runnable[1];
              once[0] =
                  () -> {
                    h.scene().removePostLayoutPulseListener(once[0]);
                    frame.complete(new boolean[] {!h.tasks().running().isEmpty()});
                  };
              h.scene().addPostLayoutPulseListener(once[0]);
              h.vm().select(index);
              Platform.requestNextPulse();
            });
        boolean busy = frame.get(60, TimeUnit.SECONDS)[0];
        long first = ms(t0);
        long done = idle(h, t0);
        lines.add(
            String.format(
                "| %s | %d | %d ms | %s | %d ms |",
                ids.get(i), round, first, busy ? "progress" : "content", done));
        if (round == 1 && System.getProperty("bench.shots") != null) {
          shoot(h, ids.get(i));
        }
      }
    }
    System.out.println(
        "| view | round | first frame | that frame shows | content (no task left) |");
    System.out.println("| --- | --- | --- | --- | --- |");
    lines.forEach(System.out::println);
  }

  /** Saves the window as it shows {@code view} (the candidates after a search). */
  private static void shoot(ShellHarness h, String view) throws Exception {
    if (view.equals("candidates")) {
      String text = System.getProperty("bench.shotSearch", "martin");
      Platform.runLater(
          () ->
              ((javafx.scene.control.TextField) h.scene().lookup("#candidates-search"))
                  .setText(text));
      Thread.sleep(500);
      idle(h, System.nanoTime());
    }
    if (view.equals("lists")) {
      // a list open, as a counselor works in the view
      Platform.runLater(
          () ->
              ((javafx.scene.control.ListView<?>) h.scene().lookup("#sourcing-lists"))
                  .getSelectionModel()
                  .select(0));
      Thread.sleep(500);
      idle(h, System.nanoTime());
    }
    Thread.sleep(300); // the last pulse drawn
    CompletableFuture<javafx.scene.image.WritableImage> shot = new CompletableFuture<>();
    Platform.runLater(() -> shot.complete(h.scene().snapshot(null)));
    Path out =
        Path.of(
            System.getProperty("bench.shots"),
            view + System.getProperty("bench.shotSuffix", "") + ".png");
    java.nio.file.Files.createDirectories(out.getParent());
    javax.imageio.ImageIO.write(
        javafx.embed.swing.SwingFXUtils.fromFXImage(shot.get(60, TimeUnit.SECONDS), null),
        "png",
        out.toFile());
  }

  /** Waits until no background task runs (seen twice, 50 ms apart); ms since {@code t0}. */
  private static long idle(ShellHarness h, long t0) throws Exception {
    while (true) {
      if (noTask(h)) {
        long at = ms(t0);
        Thread.sleep(50);
        if (noTask(h)) {
          return at;
        }
      } else {
        Thread.sleep(10);
      }
    }
  }

  /** Waits until the label {@code selector} shows a number (not "…"); ms since {@code t0}. */
  private static long figure(ShellHarness h, long t0, String selector) throws Exception {
    while (true) {
      CompletableFuture<Boolean> shown = new CompletableFuture<>();
      Platform.runLater(
          () ->
              shown.complete(
                  h.scene().lookup(selector) instanceof javafx.scene.control.Label l
                      && !l.getText().isEmpty()
                      && !l.getText().equals("…")));
      if (shown.get(600, TimeUnit.SECONDS)) {
        return ms(t0);
      }
      Thread.sleep(10);
    }
  }

  private static boolean noTask(ShellHarness h) throws Exception {
    CompletableFuture<Boolean> empty = new CompletableFuture<>();
    Platform.runLater(() -> empty.complete(h.tasks().running().isEmpty()));
    return empty.get(600, TimeUnit.SECONDS);
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
