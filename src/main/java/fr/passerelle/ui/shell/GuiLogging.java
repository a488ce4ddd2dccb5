package fr.passerelle.ui.shell;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * The window's log: a rolling file {@code <data dir>/logs/passerelle.log} (a file a day, at most 10
 * MB each, 14 days, 100 MB in all), set up when the window starts. The command line keeps the quiet
 * console configuration of logback.xml.
 */
public final class GuiLogging {
  static final String APPENDER = "GUI-FILE";

  private GuiLogging() {}

  /** The log file for a data folder. */
  public static Path logFile(Path dataDir) {
    return dataDir.resolve("logs").resolve("passerelle.log");
  }

  /** Adds the rolling file (INFO and above) to the root logger; the console stays at WARN. */
  public static Path configure(Path dataDir) {
    Path file = logFile(dataDir);
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return file;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root.getAppender(APPENDER) != null) {
      return file;
    }
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      Appender<ILoggingEvent> console = it.next();
      ThresholdFilter warn = new ThresholdFilter();
      warn.setLevel("WARN");
      warn.start();
      console.addFilter(warn);
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n");
    encoder.start();

    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setFile(file.toString());
    appender.setEncoder(encoder);

    SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
    policy.setContext(context);
    policy.setParent(appender);
    policy.setFileNamePattern(
        file.getParent().resolve("passerelle-%d{yyyy-MM-dd}.%i.log.gz").toString());
    policy.setMaxFileSize(FileSize.valueOf("10MB"));
    policy.setMaxHistory(14);
    policy.setTotalSizeCap(FileSize.valueOf("100MB"));
    policy.start();
    appender.setRollingPolicy(policy);
    appender.start();

    root.addAppender(appender);
    root.setLevel(Level.INFO);
    context.getLogger("fr.passerelle").setLevel(Level.INFO);
    return file;
  }
}
