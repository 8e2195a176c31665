package id.payung.enrollment.persistence;

import java.util.UUID;

/**
 * The valid rows of one batch of an import, column by column: the database receives each column as one
 * array and unnests them, so a batch of thousands of rows costs one statement with a bind per column.
 */
public final class ImportBatch {

    final int[] rowNos;
    final UUID[] workerIds;
    final String[] niks;
    final byte[][] nikHmacs;
    final String[] names;
    final String[] birthDates;
    final String[] sexes;
    final String[] addresses;
    final String[] villageCodes;
    final String[] phones;
    final String[] occupationCodes;
    final String[] incomeLevelCodes;
    final String[] heirNames;
    final String[] heirRelationships;
    final String[] heirNiks;
    private int size;

    public ImportBatch(int capacity) {
        rowNos = new int[capacity];
        workerIds = new UUID[capacity];
        niks = new String[capacity];
        nikHmacs = new byte[capacity][];
        names = new String[capacity];
        birthDates = new String[capacity];
        sexes = new String[capacity];
        addresses = new String[capacity];
        villageCodes = new String[capacity];
        phones = new String[capacity];
        occupationCodes = new String[capacity];
        incomeLevelCodes = new String[capacity];
        heirNames = new String[capacity];
        heirRelationships = new String[capacity];
        heirNiks = new String[capacity];
    }

    /** Adds a valid row: a new worker with his one heir. The birth date is ISO (yyyy-MM-dd). */
    public void add(int rowNo, UUID workerId, String nik, byte[] nikHmac, String name, String birthDate,
                    String sex, String address, String villageCode, String phone, String occupationCode,
                    String incomeLevelCode, String heirName, String heirRelationship, String heirNik) {
        int i = size++;
        rowNos[i] = rowNo;
        workerIds[i] = workerId;
        niks[i] = nik;
        nikHmacs[i] = nikHmac;
        names[i] = name;
        birthDates[i] = birthDate;
        sexes[i] = sex;
        addresses[i] = address;
        villageCodes[i] = villageCode;
        phones[i] = phone;
        occupationCodes[i] = occupationCode;
        incomeLevelCodes[i] = incomeLevelCode;
        heirNames[i] = heirName;
        heirRelationships[i] = heirRelationship;
        heirNiks[i] = heirNik;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The file row of a position (from 0). */
    public int rowNo(int index) {
        return rowNos[index];
    }

    <T> T[] head(T[] column) {
        return java.util.Arrays.copyOf(column, size);
    }
}
