package uk.encounters.launcher.demo;

import java.util.List;

/**
 * Small built-in lists of common first names, surnames and invented places. Pupils are random pairings, so no real
 * person is described; school and employer names are made up from invented places and generic words.
 */
final class Names {

    static final List<String> GIRLS = List.of("Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella",
            "Sophia", "Grace", "Freya", "Ella", "Evie", "Poppy", "Chloe", "Ruby", "Millie", "Daisy", "Layla", "Erin",
            "Aisha", "Maryam", "Zara", "Hannah", "Leah", "Maja", "Zofia", "Amara", "Niamh", "Holly", "Jessica",
            "Lucy", "Megan", "Scarlett", "Phoebe", "Imogen", "Eva", "Nadia", "Fatima", "Ellie");
    static final List<String> BOYS = List.of("Oliver", "George", "Noah", "Arthur", "Leo", "Harry", "Oscar",
            "Jack", "Charlie", "Jacob", "Thomas", "Alfie", "Freddie", "Archie", "Joshua", "James", "Logan", "Ethan",
            "Mason", "Max", "Mohammed", "Yusuf", "Ibrahim", "Adam", "Liam", "Kacper", "Jakub", "Tobi", "Callum",
            "Kai", "Riley", "Dylan", "Lewis", "Ryan", "Finley", "Reuben", "Samuel", "Owen", "Rhys", "Ali");
    static final List<String> EITHER = List.of("Alex", "Jordan", "Charlie", "Sam", "Robin", "Jamie", "Rowan", "Ash");
    static final List<String> SURNAMES = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
            "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
            "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis", "Harrison", "Hughes", "Ali", "Hussain",
            "Kaur", "Singh", "Begum", "Nowak", "Kowalski", "Okafor", "Adeyemi", "Mensah", "Murphy", "Kelly",
            "Turner", "Atkinson", "Dixon", "Bell", "Pearson", "Lister", "Hodgson", "Metcalfe", "Errington",
            "Foster", "Marshall", "Bainbridge", "Cooper", "Ward", "Scott", "Stephenson", "Richardson", "Moore",
            "Armstrong", "Chapman", "Nicholson", "Swales", "Raine", "Wilkinson", "Ahmed", "Rahman", "Chen",
            "Nguyen", "Da Silva", "O'Neill", "McCarthy", "Fraser", "Graham");
    /** Invented places with a north-eastern ring; none is meant to be a real school's or town's name. */
    static final List<String> PLACES = List.of("Ravensbeck", "Thornaby Vale", "Coldmoor", "Saltfleet", "Larkrigg",
            "Hollinside", "Northgarth", "Eastmarsh", "Kirkbeck", "Wyndham Park", "Greystone", "Bramblegate",
            "Fenwick Moor", "Highcliffe", "Ashburn", "Marskeld", "Langbrook", "Oakthwaite", "Skelbridge",
            "Redmarsh", "Westerdale", "Tolland", "Brotherwick", "Cargate", "Seaton Rise", "Ormsfield");
    static final List<String> SAINTS = List.of("St Hild's", "St Aidan's", "St Cuthbert's", "St Bede's",
            "St Oswald's", "Holy Trinity");

    private Names() {
    }
}
