/* extract_main.c — `extract`, the short form of `khabar extract`. */
#include "cli.h"

int main(int argc, char **argv)
{
	return kh_cmd_extract(argc, argv);
}
