// How soon a new thread runs beside its busy creator, with and without placing it on another
// core first (what earshot's PlacedThread does). Each round the creator spins 3 ms, starts a
// thread that spins 3 ms, spins 3 ms itself and joins: on two idle cores both end at ~+3 ms.
// Usage: thread_start [rounds] [place]   (place: 1 pins the thread's start to another core,
// then lets it run anywhere; 0 leaves it to the scheduler)
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static void spin(double us) {
    double start = now_us();
    while (now_us() - start < us) {}
}

struct run { double started, ended; int core_start, core_end, unpin; cpu_set_t all; };

static void *side(void *arg) {
    struct run *run = arg;
    if (run->unpin) pthread_setaffinity_np(pthread_self(), sizeof run->all, &run->all);
    run->started = now_us();
    run->core_start = sched_getcpu();
    spin(3000);
    run->core_end = sched_getcpu();
    run->ended = now_us();
    return NULL;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 10, place = argc > 2 ? atoi(argv[2]) : 0;
    cpu_set_t all;
    sched_getaffinity(0, sizeof all, &all);
    if (CPU_COUNT(&all) < 2) { fprintf(stderr, "needs two cores\n"); return 1; }
    printf("round side_start_us side_end_us main_end_us side_cores main_core\n");
    for (int round = 1; round <= rounds; round++) {
        spin(3000);
        struct run run = { .unpin = place, .all = all };
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        if (place) {
            int core = sched_getcpu(), other = -1;
            for (int c = 0; c < CPU_SETSIZE && other < 0; c++) if (CPU_ISSET(c, &all) && c != core) other = c;
            cpu_set_t one;
            CPU_ZERO(&one);
            CPU_SET(other, &one);
            pthread_attr_setaffinity_np(&attributes, sizeof one, &one);
        }
        pthread_t thread;
        double start = now_us();
        pthread_create(&thread, &attributes, side, &run);
        spin(3000);
        double main_end = now_us();
        pthread_join(thread, NULL);
        printf("%d %.0f %.0f %.0f %d->%d %d\n", round, run.started - start, run.ended - start, main_end - start,
               run.core_start, run.core_end, sched_getcpu());
    }
    return 0;
}
