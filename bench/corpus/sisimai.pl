#!/usr/bin/perl
# Times Sisimai over the same corpus files smtpcheck reads, for bench/corpus.js: Sisimai->make($path)
# for each file, as Sisimai is normally used (reading the file is part of the work, as it is on the
# Node side). A cold pass, then the fastest of WARM_PASSES warm passes.
# Usage: perl sisimai.pl < list-of-paths   →   one JSON line on stdout.
use strict;
use warnings;
use Time::HiRes qw(time);
use Sisimai;

my @paths = grep { length && -f } map { chomp; $_ } <STDIN>;

sub pass {
    my $records = 0;
    my $t0 = time;
    for my $p (@paths) {
        next unless -s $p;
        my $r = eval { Sisimai->make($p) };
        $records += scalar @$r if ref $r eq 'ARRAY';
    }
    return (time - $t0, $records);
}

my ($cold, $records) = pass();
# the fastest of N warm passes, as on the Node side
my $warm;
for (1 .. ($ENV{WARM_PASSES} || 3)) {
    my ($t) = pass();
    $warm = $t if !defined $warm || $t < $warm;
}
printf qq({"version":"%s","files":%d,"records":%d,"cold_s":%.6f,"warm_s":%.6f}\n),
    Sisimai->version, scalar(@paths), $records, $cold, $warm;
