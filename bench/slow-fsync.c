/*
 * A disk whose fsync is slow, as network storage often is: preloaded into the service by
 * `npm run bench -- --fsync-delay-ms=N` (LD_PRELOAD, Linux), every fsync and fdatasync does
 * its real work and then waits FSYNC_DELAY_US more.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>

static void wait_more(void) {
  const char *delay = getenv("FSYNC_DELAY_US");
  if (delay) usleep((useconds_t)atoi(delay));
}

int fsync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  int result = real(fd);
  wait_more();
  return result;
}

int fdatasync(int fd) {
  static int (*real)(int);
  if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  int result = real(fd);
  wait_more();
  return result;
}
