package io.corral.engine;

import io.corral.api.Execution;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** The JFR event for one recorded execution ({@code jfr print --events io.corral.Execution rec.jfr}). */
@Name("io.corral.Execution")
@Label("Corral Execution")
@Category("Corral")
@Description("One guest execution: language, how it ended, how long it took, its outbound HTTP")
@StackTrace(false)
final class ExecutionEvent extends jdk.jfr.Event {

    @Label("Id")
    String id;

    @Label("Language")
    String language;

    @Label("Type")
    String type;

    @Label("Outcome")
    String outcome;

    @Label("Exit Code")
    int exitCode;

    @Label("Duration")
    @Timespan(Timespan.MILLISECONDS)
    long durationMillis;

    @Label("HTTP Requests")
    int httpRequests;

    @Label("HTTP Refusals")
    int httpRefusals;

    @Label("HTTP Bytes Out")
    @DataAmount
    long httpBytesOut;

    @Label("HTTP Bytes In")
    @DataAmount
    long httpBytesIn;

    static void commit(Execution e) {
        ExecutionEvent event = new ExecutionEvent();
        if (!event.isEnabled()) {
            return;
        }
        event.id = e.id();
        event.language = e.language().wireName();
        event.type = e.type().wireName();
        event.outcome = e.outcome().kind().wireName();
        event.exitCode = e.exitCode();
        event.durationMillis = e.duration();
        event.httpRequests = e.http().requests();
        event.httpRefusals = e.http().refusals();
        event.httpBytesOut = e.http().bytesOut();
        event.httpBytesIn = e.http().bytesIn();
        event.commit();
    }
}
