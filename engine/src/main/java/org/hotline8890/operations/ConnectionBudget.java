package org.hotline8890.operations;

/**
 * Whether the connection pool covers every thread that may hold a connection at the same time. When it
 * does not, a timer job can wait out the pool's connection timeout behind web requests, fail, and then
 * find no connection to record the failure either: Camunda leaves such a job locked for its lock time
 * (5 minutes), and the deadline it carries is flagged that late (docs/benchmarks.md, "Deadlines").
 *
 * @param pool            the pool's maximum size
 * @param webThreads      request threads; a request holds at most one connection (no open-in-view)
 * @param jobThreads      the job executor's threads; a job's delegates join its one transaction
 * @param intakeConsumers intake queue consumers, one transaction each
 */
record ConnectionBudget(int pool, int webThreads, int jobThreads, int intakeConsumers) {

    /** The scheduled work (gauges, figure settlement, notification outbox) and the background index builds. */
    static final int BACKGROUND = 4;

    int needed() {
        return webThreads + jobThreads + intakeConsumers + BACKGROUND;
    }

    boolean covered() {
        return pool >= needed();
    }
}
