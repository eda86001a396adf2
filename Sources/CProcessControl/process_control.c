#define _GNU_SOURCE
#include "process_control.h"

#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>

int protokoll_die_with_parent(void) {
    return prctl(PR_SET_PDEATHSIG, SIGKILL);
}

int protokoll_affinity_cpu_count(void) {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0) {
        return -1;
    }
    return CPU_COUNT(&set);
}
